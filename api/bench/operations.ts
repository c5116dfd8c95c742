/*
 * The measures the query limits use, for the operations real clients send (README "Reliability and
 * security" quotes this). Two sources:
 *   - the partner client's operations (schema/partner-client/operations/*.graphql) at their largest
 *     page (first: 100), costed against schema/partner.graphql;
 *   - the console's requests as the API saw them: run the browser tests with
 *     GRAPHQL_MEASURE_FILE=/tmp/ops.jsonl, then `npm run measure:operations -- /tmp/ops.jsonl`.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { ADMIN_LIMITS, estimateCost, PARTNER_LIMITS, type QueryLimits } from '../src/common/query-limits';
import { type DocumentShape, shapeOf } from '../src/common/request-log';

type Row = DocumentShape & { operation: string; cost: number };

const root = path.resolve(__dirname, '../..');
const partnerSchema = buildSchema(fs.readFileSync(path.join(root, 'schema/partner.graphql'), 'utf8'));

function partnerOperations(): Row[] {
  const dir = path.join(root, 'schema/partner-client/operations');
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => {
      const source = fs.readFileSync(path.join(dir, f), 'utf8');
      const document = parse(source);
      const cost = getComplexity({ schema: partnerSchema, query: document, variables: { first: 100, after: null, period: '2025Q1', uscc: 'x', asOf: null }, estimators: [estimateCost] });
      return { operation: f.replace(/\.graphql$/, ''), cost, ...shapeOf(document, source) };
    });
}

function consoleOperations(file: string): Row[] {
  const best = new Map<string, Row>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const l = JSON.parse(line) as { req?: { path?: string }; operation?: string; cost?: number; shape?: DocumentShape };
    if (l.req?.path !== '/graphql' || !l.shape) continue;
    const name = l.operation ?? '(anonymous)';
    const row: Row = { operation: name, cost: l.cost ?? 0, ...l.shape };
    const prev = best.get(name);
    best.set(name, prev ? (Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'number' ? Math.max(v, prev[k as keyof Row] as number) : v])) as Row) : row);
  }
  return [...best.values()];
}

function report(title: string, rows: Row[], limits: QueryLimits): void {
  console.log(`\n${title}: ${rows.length} operations`);
  for (const m of ['depth', 'aliases', 'directives', 'tokens', 'cost'] as const) {
    const top = [...rows].sort((a, b) => b[m] - a[m])[0];
    console.log(`  ${m.padEnd(10)} largest ${String(top?.[m] ?? 0).padStart(6)} (${top?.operation ?? '-'})   limit ${limits[m]}`);
  }
}

report('Partner client operations (first: 100)', partnerOperations(), PARTNER_LIMITS);
const file = process.argv[2] ?? process.env.GRAPHQL_MEASURE_FILE;
if (file && fs.existsSync(file)) report(`Console requests in ${file}`, consoleOperations(file), ADMIN_LIMITS);
else console.log('\n(no console measurements: run the browser tests with GRAPHQL_MEASURE_FILE=<file> and pass the file)');
