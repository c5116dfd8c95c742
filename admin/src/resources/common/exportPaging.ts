/*
 * Exports fetch every page of the filtered list, not only the first: the API serves at most 1000 rows
 * a request (api/src/common/list.ts MAX_PER_PAGE), and react-admin's ExportButton asked for one page
 * of 1000 and dropped the rest without a word. Above EXPORT_CAP rows an export stops and says how
 * many it left out. No react-admin here: the unit tests load it under plain jest.
 */

/** Rows a request asks for: the API's maximum page. */
export const EXPORT_PAGE_SIZE = 1000;
/** Rows an export takes at most: a browser builds a 50,000-row xlsx in seconds; past that a narrower filter serves better. */
export const EXPORT_CAP = 50_000;
/** Ids a related-records request sends at once (toSheet's reference names), well under the API's filter limits. */
export const IDS_PER_REQUEST = 500;

/** One page as the data provider answers (page is 1-based, as react-admin counts). */
export interface FetchedPage<T> {
  data: T[];
  /** Rows the filter matches now. */
  total: number;
}

export interface AllPages<T> {
  records: T[];
  /** Rows the filter matched at the last page read. */
  total: number;
  /** Matched rows the export does not hold (over the cap, or added while it ran). */
  leftOut: number;
}

export interface PagingOptions {
  perPage?: number;
  cap?: number;
  /** Called after each page with the rows so far and the rows the export will hold. */
  onProgress?: (fetched: number, expected: number) => void;
  /** Checked before each request; an aborted export throws ExportCancelled. */
  signal?: AbortSignal;
}

/** Thrown when the user stops an export. */
export class ExportCancelled extends Error {
  constructor() {
    super('Export cancelled');
    this.name = 'ExportCancelled';
  }
}

const idOf = (r: unknown): unknown => (r !== null && typeof r === 'object' ? (r as { id?: unknown }).id : undefined);

/**
 * Reads page after page until the filter's rows (up to the cap) are in. Offset paging can show a row
 * twice when rows are added ahead of it while the export runs (a log sorted newest first): records
 * are kept once by id. It stops on a short or empty page, so a list that shrinks meanwhile ends too.
 */
export async function fetchAllPages<T>(fetchPage: (page: number, perPage: number) => Promise<FetchedPage<T>>, options: PagingOptions = {}): Promise<AllPages<T>> {
  let perPage = options.perPage ?? EXPORT_PAGE_SIZE;
  const cap = options.cap ?? EXPORT_CAP;
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > EXPORT_PAGE_SIZE) throw new RangeError(`perPage must be between 1 and ${EXPORT_PAGE_SIZE}`);
  const records: T[] = [];
  const seen = new Set<unknown>();
  let total = 0;
  // Rows asked for so far: pages are read from here on, whatever the page size has become.
  let offset = 0;
  // a server that ignored paging would otherwise be asked forever
  let maxRequests = Math.ceil(cap / perPage) + 1;
  for (let request = 1; request <= maxRequests; request++) {
    if (options.signal?.aborted) throw new ExportCancelled();
    let fetched: FetchedPage<T>;
    try {
      fetched = await fetchPage(offset / perPage + 1, perPage);
    } catch (err) {
      // A page of wide rows can cost more than the API's query limit: ask for half as many
      // (1000 → 500 → 250 → 125 all divide the offsets read so far) rather than fail the export.
      if (!isCostRefusal(err) || perPage % 2 !== 0 || perPage / 2 < MIN_PAGE_SIZE) throw err;
      perPage /= 2;
      maxRequests += Math.ceil(cap / perPage);
      continue;
    }
    const { data, total: now } = fetched;
    offset += perPage;
    total = now;
    for (const r of data) {
      const id = idOf(r);
      if (id !== undefined && id !== null) {
        if (seen.has(id)) continue;
        seen.add(id);
      }
      records.push(r);
    }
    const kept = Math.min(records.length, cap);
    options.onProgress?.(kept, Math.max(kept, Math.min(total, cap)));
    if (data.length < perPage || records.length >= Math.min(total, cap)) break;
  }
  const held = records.slice(0, cap);
  return { records: held, total, leftOut: Math.max(0, total - held.length) };
}

/** The smallest page an export falls back to when the API refuses a page by its cost. */
const MIN_PAGE_SIZE = 100;

/**
 * Is this the API's refusal of a request by its estimated cost (QUERY_LIMIT, limit cost)? As the
 * data provider passes it on (HttpError body) or as Apollo's client raises it.
 */
export function isCostRefusal(err: unknown): boolean {
  const e = err as { body?: { code?: string; extensions?: { limit?: unknown } }; graphQLErrors?: Array<{ extensions?: { code?: unknown; limit?: unknown } }> } | null;
  if (e?.body?.code === 'QUERY_LIMIT') return e.body.extensions?.limit === 'cost';
  const first = e?.graphQLErrors?.[0]?.extensions;
  return first?.code === 'QUERY_LIMIT' && first.limit === 'cost';
}

/** Splits ids into requests of at most `size`. */
export function inChunks<T>(items: readonly T[], size = IDS_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
