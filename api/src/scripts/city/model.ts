import { random } from '../../common/random';

/*
 * The shapes shared by the city generator (city.ts and its parts) and its writer (write.ts): plain
 * rows keyed by column, in the order the writer inserts them. One generator makes two sets: the
 * benchmark city (`npm run bench:data`, the whole prefecture to scale, on a fixed day) and the demo
 * (`npm run seed:demo`, a small set grown only into the seeded streets, dated from today); a Setting
 * says which.
 */

/** Every name the benchmark set writes starts with this, so nobody takes it for real data. */
export const BENCH_PREFIX = '基准';
/** The seed of the set: the same rows on every run and machine. */
export const BENCH_SEED = 20250630;
/** The set's "today": every date is placed relative to it, never to the day it is made. */
export const BENCH_TODAY = '2025-06-30';
/** The seed_record key that says a database holds a benchmark city. */
export const BENCH_KEY = 'bench:city';
/** The password of every benchmark user (benchmark databases only). */
export const BENCH_PASSWORD = 'bench-pass-2025';

export type Value = string | number | null;
export type Row = Record<string, Value>;

/** What the seeds left in the database that the city is built around (read by write.ts). */
export interface CityBase {
  jurisdictions: Array<{ id: number; name: string; level: string; parentId: number | null }>;
  units: Array<{ id: number; name: string; kind: string; jurisdictionId: number }>;
  /** The seeded property-company scheme (002) whose thresholds and criteria the city's scheme copies. */
  scheme: { star2Min: number; star3Min: number; star4Min: number; star5Min: number; redMinStars: number | null; blackMaxStars: number | null; blackDissatisfactionOver: number | null };
  criteria: Array<{ code: string; name: string; weight: number; maxScore: number; sortOrder: number }>;
  /** The first free id of each table the set writes (ids are given, so references are known before writing). */
  nextId: Record<string, number>;
}

/** How a set is marked: every name starts with `prefix`, notes and addresses say `tag`. */
export interface CityStyle {
  prefix: string;
  tag: string;
  /** The first characters of its companies' credit codes (the rest: a number, then the check character). */
  usccStem: string;
}
export const BENCH_STYLE: CityStyle = { prefix: BENCH_PREFIX, tag: '基准数据', usccStem: '91350500MA2B' };

export interface CityOptions {
  scale: number;
  seed: number;
  /** Default: the benchmark's (BENCH_STYLE). */
  style?: CityStyle;
  /** The set's "today" (YYYY-MM-DD): every date is placed relative to it. Default: BENCH_TODAY. */
  today?: string;
  /**
   * Grow only into these seeded townships (by name): their communities get the compounds, their
   * offices the plans and working groups, their counties the companies; no jurisdiction, unit or user
   * is added. Default: the whole city, grown to the scale.
   */
  streets?: readonly string[];
}

/** The options with their defaults, as the parts read them. */
export interface Setting extends CityStyle {
  scale: number;
  seed: number;
  today: string;
  /** The year the offices' plans and documents are of: the one before today's. */
  year: number;
  streets: readonly string[] | null;
  /** `name` with the prefix in front (once). */
  label: (name: string) => string;
}

export function settle(o: CityOptions): Setting {
  const style = o.style ?? BENCH_STYLE;
  const today = o.today ?? BENCH_TODAY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`today must be YYYY-MM-DD, got "${today}"`);
  return {
    ...style,
    scale: o.scale,
    seed: o.seed,
    today,
    year: Number(today.slice(0, 4)) - 1,
    streets: o.streets?.length ? o.streets : null,
    label: (name) => (name.startsWith(style.prefix) ? name : `${style.prefix}${name}`),
  };
}

/** A user for the admin benchmarks; the writer adds the hash of BENCH_PASSWORD. */
export interface BenchUser {
  id: number;
  username: string;
  displayName: string;
  role: 'ADMIN' | 'PARTY_OFFICE';
  jurisdictionId: number | null;
}

export interface Jur {
  id: number;
  name: string;
  level: string;
  parentId: number | null;
}

/** The organisation the other parts build on. */
export interface Organisation {
  city: Jur;
  counties: Jur[];
  townships: Jur[];
  communities: Jur[];
  childrenOf: Map<number, Jur[]>;
  unitsOf: Map<number, Array<{ id: number; kind: string }>>;
  /** The office document of each office jurisdiction (city, counties, townships): plans and groups cite it. */
  documents: Map<number, { id: number; issueDate: string }>;
  companies: Array<{ id: number; name: string; uscc: string; countyId: number }>;
  users: BenchUser[];
  /** The city office's benchmark user: the actor of the office's steps (none in the demo: the system acts). */
  cityUser: BenchUser | null;
  /** The offices whose plans and working groups the set makes, with their documents. */
  offices: { plans: Jur[]; groups: Jur[] };
}

/** One part of the set (timed on its own): tables in insertion order. */
export interface Part {
  name: string;
  tables: Array<{ table: string; rows: Row[] }>;
}

/** Rows of one table being made, each with an id handed out from the table's first free id. */
export class Table {
  readonly rows: Row[] = [];
  private next: number;
  constructor(
    readonly table: string,
    base: CityBase,
  ) {
    this.next = base.nextId[table] ?? 1;
  }
  add(row: Row): number {
    const id = this.next++;
    this.rows.push({ id, ...row });
    return id;
  }
}

/** The random helpers every part uses, over one seeded stream. */
export class Dice {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = random(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Up to n distinct items of xs, in a random order. */
  sample<T>(xs: readonly T[], n: number): T[] {
    const copy = [...xs];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
}

/** A count of the city at scale 1 (the issue's sizes), scaled, at least `min`. */
export const scaled = (atOne: number, scale: number, min = 1) => Math.max(min, Math.round(atOne * scale));

/** A moment on a day, as both databases take it in a DATETIME column (UTC; 09:00 in China). */
export const moment = (day: string, hour = 1) => `${day} ${String(hour).padStart(2, '0')}:00:00.000`;
