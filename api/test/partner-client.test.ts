import { execFile } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { checkEligibility } from '../../schema/partner-client/check-eligibility';
import { createClient, PartnerApiError } from '../../schema/partner-client/client';
import { CompanyStandingDocument, RedBlackListDocument } from '../../schema/partner-client/generated';
import { usccCheckChar } from '../src/common/uscc';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';
import { ratingFixture, type RatingFixture } from './rating-fixtures';

const ROOT = path.resolve(__dirname, '../..');

/** Runs a TypeScript entry point in a child process; never rejects, so the exit code can be asserted. */
async function runTs(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  // Asynchronous on purpose: the server answering the child runs in this process.
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe(`the partner client example against a running server (${dbKind()})`, () => {
  let t: TestApp;
  let f: RatingFixture;
  let server: Server;
  let url: string;
  let apiKey: string;
  let black: { id: string; uscc: string };
  let red: { id: string; uscc: string };
  // Company codes 91350582CLT01…: distinct from other files' (CLI01 cannot be used: I is not a USCC character).
  const unregistered = `91350582CLT019999${usccCheckChar('91350582CLT019999')}`;

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.adminToken();
    f = await ratingFixture(t, admin, 'CLT01');
    const periodId = await f.period('2025Q2', '2025-04-01', '2025-06-30');
    black = await f.company('黑榜物业');
    red = await f.company('红榜物业');
    // 52.93 → 1★ → black; 92.10 → 5★ → red
    await f.rate(periodId, black.id, { SATISFACTION: 55.5, PARTY_EVALUATION: 60, COMPLIANCE: 50, CIVILISED_CITY: 40, SANITATION: 45, HOTLINE_12345: 52.25 });
    await f.rate(periodId, red.id, { SATISFACTION: 95, PARTY_EVALUATION: 90, COMPLIANCE: 88, CIVILISED_CITY: 92, SANITATION: 85, HOTLINE_12345: 96 });
    await f.ok('mutation($p: ID!) { publishRatingPeriod(periodId: $p, publishedOn: "2025-07-05") { id } }', { p: periodId });
    apiKey = (await f.ok('mutation { issuePartnerKey(name: "招投标平台（客户端示例）") { secret } }')).issuePartnerKey.secret;

    server = t.app.express.listen(0, '127.0.0.1');
    await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/partner/graphql`;
  });
  afterAll(async () => {
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
    await t?.close();
  });

  it('has generated.ts up to date with schema/partner.graphql and the operations', async () => {
    const run = await runTs('schema/partner-client/codegen.ts', ['--check']);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('up to date') });
  });

  it('reports a black-listed company as barred, naming the period and edition', async () => {
    const result = await checkEligibility({ url, apiKey, uscc: black.uscc, asOf: '2025-07-06' });
    expect(result).toMatchObject({ uscc: black.uscc, name: '黑榜物业', eligible: false, known: true });
    expect(result.report).toBe(`${black.uscc}  黑榜物业: BARRED — 列入2025Q2黑榜（第1版，2025-07-05公布），尚未约谈，整改尚未验收`);
  });

  it('reports a red-listed company as eligible, and an unregistered code as unknown', async () => {
    expect(await checkEligibility({ url, apiKey, uscc: red.uscc })).toEqual({ uscc: red.uscc, name: '红榜物业', eligible: true, known: true, report: `${red.uscc}  红榜物业: ELIGIBLE` });
    expect(await checkEligibility({ url, apiKey, uscc: unregistered.toLowerCase() })).toEqual({
      uscc: unregistered,
      name: null,
      eligible: false,
      known: false,
      report: `${unregistered}: UNKNOWN (not registered)`,
    });
  });

  it('was not barred the day before the list was published', async () => {
    expect(await checkEligibility({ url, apiKey, uscc: black.uscc, asOf: '2025-07-04' })).toMatchObject({ eligible: true, known: true });
  });

  it('reads the published list with the typed client', async () => {
    const request = createClient({ url, apiKey });
    const { redBlackList } = await request(RedBlackListDocument, { period: '2025Q2' });
    expect(redBlackList.edition).toEqual({ revision: 1, publishedOn: '2025-07-05', latest: true });
    expect(redBlackList.edges.map((e) => [e.node.rank, e.node.listStatus, e.node.company.uscc])).toEqual([
      [1, 'RED', red.uscc],
      [2, 'BLACK', black.uscc],
    ]);
    expect(redBlackList.pageInfo.hasNextPage).toBe(false);
    const typesOnly = () => {
      // @ts-expect-error `nope` is not a variable of CompanyStanding (checked by npm run typecheck)
      void request(CompanyStandingDocument, { uscc: red.uscc, nope: 1 });
      // @ts-expect-error uscc is required
      void request(CompanyStandingDocument, {});
    };
    expect(typesOnly).toBeInstanceOf(Function);
  });

  it('exits 3 from the command line for a barred company, 0 eligible, 4 unknown, 2 on a refused key', async () => {
    const env = { PARTNER_API_URL: url, PARTNER_API_KEY: apiKey };
    const cli = (uscc: string, extra: Record<string, string> = {}) => runTs('schema/partner-client/check-eligibility.ts', [uscc], { ...env, ...extra });
    const [barred, eligible, unknown, wrongKey] = await Promise.all([cli(black.uscc), cli(red.uscc), cli(unregistered), cli(red.uscc, { PARTNER_API_KEY: 'not-a-key' })]);
    expect(barred).toEqual({ code: 3, stdout: `${black.uscc}  黑榜物业: BARRED — 列入2025Q2黑榜（第1版，2025-07-05公布），尚未约谈，整改尚未验收\n`, stderr: '' });
    expect(eligible).toEqual({ code: 0, stdout: `${red.uscc}  红榜物业: ELIGIBLE\n`, stderr: '' });
    expect(unknown).toEqual({ code: 4, stdout: `${unregistered}: UNKNOWN (not registered)\n`, stderr: '' });
    expect(wrongKey).toMatchObject({ code: 2, stdout: '', stderr: expect.stringContaining('UNAUTHENTICATED') });
  });

  it('throws UNAUTHENTICATED (HTTP 401) for a wrong or revoked key', async () => {
    const wrong = await checkEligibility({ url, apiKey: 'wyk_00000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', uscc: red.uscc }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(PartnerApiError);
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });

    const issued = (await f.ok('mutation { issuePartnerKey(name: "即将撤销") { secret key { id } } }')).issuePartnerKey;
    expect(await checkEligibility({ url, apiKey: issued.secret, uscc: red.uscc })).toMatchObject({ eligible: true });
    await f.ok('mutation($id: ID!) { revokePartnerKey(id: $id, reason: "合作终止") { id } }', { id: issued.key.id });
    await expect(checkEligibility({ url, apiKey: issued.secret, uscc: red.uscc })).rejects.toMatchObject({ code: 'UNAUTHENTICATED', status: 401, message: expect.stringContaining('revoked') });
  });
});
