import 'reflect-metadata';
import { parseDatabaseUrl } from '../../src/config/env';
import { BENCH_PASSWORD, BENCH_SEED } from '../../src/scripts/city/model';
import { BenchRefusal, buildBenchCity } from './write';

/*
 * `npm run bench:data [-- --scale 1] [--replace]`: the benchmark city (city.ts) written into the
 * database BENCH_DATABASE_URL names (default mysql://root@127.0.0.1:3306/bench; sqlite:<file> too).
 * Refuses a database that already holds a city or anything but the seeds; --replace drops and makes
 * that one database again. Prints the time of each part and the rows written.
 */

const DEFAULT_URL = 'mysql://root@127.0.0.1:3306/bench';

function args(argv: string[]): { scale: number; replace: boolean } {
  let scale = 1;
  let replace = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--replace') replace = true;
    else if (argv[i] === '--scale' || argv[i].startsWith('--scale=')) {
      const raw = argv[i].includes('=') ? argv[i].split('=')[1] : argv[++i];
      scale = Number(raw);
      if (!(scale > 0 && scale <= 100)) throw new BenchRefusal(`--scale must be a number above 0 and at most 100, got "${raw}"`);
    } else throw new BenchRefusal(`Unknown argument "${argv[i]}": use --scale <n> and --replace`);
  }
  return { scale, replace };
}

async function main(): Promise<void> {
  const { scale, replace } = args(process.argv.slice(2));
  const url = process.env.BENCH_DATABASE_URL || DEFAULT_URL;
  const db = parseDatabaseUrl(url);
  console.log(`benchmark city, scale ${scale}, seed ${BENCH_SEED}, into ${db.kind === 'sqlite' ? db.file : url.replace(/:[^:@/]*@/, ':***@')}`);
  const report = await buildBenchCity(db, { scale, seed: BENCH_SEED, replace, log: (line) => console.log(`  ${line}`) });
  console.log('rows written:');
  for (const [table, n] of Object.entries(report.rows)) console.log(`  ${table.padEnd(20)} ${String(n).padStart(8)}`);
  console.log(`users (benchmark databases only), password ${BENCH_PASSWORD}:`);
  for (const u of report.users) console.log(`  ${u.username.padEnd(18)} ${u.role.padEnd(13)} ${u.displayName}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof BenchRefusal ? err.message : err);
  process.exit(1);
});
