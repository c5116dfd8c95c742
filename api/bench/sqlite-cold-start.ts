/*
 * Cold start of our API on SQLite: the same data set as a SQLite file (`npm run bench:data` with a
 * sqlite: URL), a partner key put in it, and the API spawned on it until its first answer. The
 * baseline speaks mysql2 only, so this is ours alone.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { hashKey } from '../src/modules/partner/partner-key.service';
import { oursEnv, start } from './servers';

export async function sqliteColdStart(url: string, port: number, times: number, logs: string): Promise<{ ms: number | null; note: string }> {
  const file = path.resolve(url.replace(/^sqlite:/, ''));
  if (!fs.existsSync(file))
    return {
      ms: null,
      note: `not measured: no SQLite data set at ${path.relative(process.cwd(), file)} (make one with BENCH_DATABASE_URL=sqlite:${path.relative(process.cwd(), file)} npm run bench:data)`,
    };
  const db = await new DataSource({ type: 'better-sqlite3', database: file }).initialize();
  let period: string;
  const prefix = `wyk_${randomBytes(4).toString('hex')}`;
  const secret = `${prefix}_${randomBytes(32).toString('base64url')}`;
  try {
    const [row] = (await db.query('SELECT rp.code FROM rating_publication p JOIN rating_period rp ON rp.id = p.periodId ORDER BY p.publishedOn DESC LIMIT 1')) as Array<{ code: string }>;
    if (!row) return { ms: null, note: `not measured: ${path.basename(file)} has no published list` };
    period = row.code;
    await db.query("INSERT INTO partner_key (name, prefix, secretHash, issuedByName) VALUES ('benchmark', ?, ?, 'system')", [prefix, hashKey(secret)]);
  } finally {
    await db.destroy();
  }
  const probe = {
    path: '/partner/graphql',
    headers: { 'x-api-key': secret },
    body: JSON.stringify({
      query: 'query($p: String!) { redBlackList(period: $p, first: 50) { totalCount edges { node { rank company { uscc starsHistory { stars } } } } } }',
      variables: { p: period },
    }),
  };
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const s = await start('ours', oursEnv(`sqlite:${file}`, port), port, probe, path.join(logs, 'ours-sqlite.log'));
    runs.push(s.coldStartMs);
    await s.stop();
  }
  return { ms: runs.sort((a, b) => a - b)[Math.floor(runs.length / 2)], note: '' };
}
