/*
 * The benchmark's operations: each a document from api/bench/operations/, its endpoint, and the variable
 * sets it is asked with (different pages, periods, companies, plans), drawn from the fixture
 * (prepare.ts) so they are the same for both servers. M1 (a payout submit → approve pair) is a
 * two-request operation with its own pool of payouts per server (payouts.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Fixture } from './prepare';
import { BENCH_TODAY } from '../src/scripts/city/model';

export interface Operation {
  key: string;
  label: string;
  endpoint: '/partner/graphql' | '/graphql';
  document: string;
  /** Variable sets: the comparison asks each of them; measurement cycles through them. */
  variables: Array<Record<string, unknown>>;
}

const doc = (file: string) => fs.readFileSync(path.join(__dirname, 'operations', `${file}.graphql`), 'utf8');
const cursor = (offset: number) => Buffer.from(`o:${offset}`, 'utf8').toString('base64url');
const chinaToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Pages of a list of `total` rows, `per` a page: the first ones, then spread over the rest, at most `max`. */
function pages(total: number, per: number, max: number): number[] {
  const count = Math.max(1, Math.ceil(total / per));
  const out = new Set<number>();
  for (let i = 0; i < Math.min(count, max); i++) out.add(i < max / 2 ? i : Math.floor(((i - max / 2) / (max / 2)) * count));
  return [...out].filter((p) => p < count).sort((a, b) => a - b);
}

export function operations(f: Fixture): Operation[] {
  const list = (first: number) =>
    f.periods.slice(0, 4).flatMap((p) => pages(p.entries, first, 8).map((page) => ({ period: p.code, status: ['RED', 'BLACK', 'NONE'], first, ...(page ? { after: cursor(page * first - 1) } : {}) })));
  const today = chinaToday();
  const standings = f.usccs
    .filter((_, i) => i % Math.max(1, Math.floor(f.usccs.length / 40)) === 0)
    .slice(0, 40)
    .flatMap((uscc, i) => [{ uscc, asOf: null }, ...(i % 4 === 0 ? [{ uscc, asOf: addDays(today, -200) }] : [])]);
  const plans = [...f.plans].sort((a, b) => b.tasks - a.tasks).slice(0, 10);
  const taskPages = plans.flatMap((p) => pages(p.tasks, 50, 4).map((page) => ({ filter: { planId: String(p.id) }, page, perPage: 50, sortField: 'id', sortOrder: 'ASC' })));
  const rosterPages = pages(f.memberships, 50, 30).map((page) => ({ filter: {}, page, perPage: 50, sortField: 'id', sortOrder: 'ASC' }));
  // the home page as of the generated city's own today (its reports stop there, so due-soon deadlines exist), and days before it
  const panels = [0, -1, -7, -30, -90, -180].map((d) => ({ asOf: addDays(BENCH_TODAY, d), deadlines: 5, units: 10 }));
  return [
    { key: 'P1', label: 'partner `redBlackList` 50 with stars history', endpoint: '/partner/graphql', document: doc('P1-red-black-list'), variables: list(50) },
    { key: 'P1b', label: 'the same, 100 a page', endpoint: '/partner/graphql', document: doc('P1-red-black-list'), variables: list(100) },
    { key: 'P2', label: 'partner `companyStanding`', endpoint: '/partner/graphql', document: doc('P2-company-standing'), variables: standings },
    { key: 'A1', label: 'task list of a plan (console, 50 a page)', endpoint: '/graphql', document: doc('A1-task-list'), variables: taskPages },
    { key: 'A2', label: 'home page task panels (console)', endpoint: '/graphql', document: doc('A2-task-panels'), variables: panels },
    { key: 'A3', label: 'roster page, 50 memberships (console)', endpoint: '/graphql', document: doc('A3-roster-page'), variables: rosterPages },
  ];
}

export function headersFor(op: Pick<Operation, 'endpoint'>, f: Fixture, token: string): Record<string, string> {
  return { 'content-type': 'application/json', ...(op.endpoint === '/partner/graphql' ? { 'x-api-key': f.partnerKey } : { authorization: `Bearer ${token}` }) };
}

/** Signs in to OUR API as a bench office user; the baseline accepts the same token (same secret, same user row). */
export async function signIn(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: username, p: password } }),
  });
  const body = (await res.json()) as { data?: { login: { token: string } }; errors?: unknown };
  if (!body.data) throw new Error(`signing in as ${username} failed: ${JSON.stringify(body.errors)}`);
  return body.data.login.token;
}
