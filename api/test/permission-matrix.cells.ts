import { createHash } from 'node:crypto';
import { getNamedType, type GraphQLArgument, type GraphQLField, type GraphQLInputField, type GraphQLInputType, isEnumType, isInputObjectType, isLeafType, isListType, isNonNullType } from 'graphql';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import type { App } from '../src/app';
import type { GqlResponse } from './harness';
import { type Endpoint, PATHS, printedSchema } from './printed-schemas';

/*
 * The machinery of the permission matrix (permission-matrix.test.ts holds the expectations): one
 * minimal valid operation per root field of a printed schema, sent as one caller, and a verdict.
 */

export type { Endpoint };

export interface RootField {
  endpoint: Endpoint;
  kind: 'query' | 'mutation';
  name: string;
  field: GraphQLField<unknown, unknown>;
}

/** Every Query and Mutation field of schema/<endpoint>.graphql, as printed. */
export function rootFields(endpoint: Endpoint): RootField[] {
  const schema = printedSchema(endpoint);
  const out: RootField[] = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) out.push({ endpoint, kind, name: field.name, field });
  }
  return out;
}

/** Dummy literals per scalar; a new scalar in the schema fails loudly here rather than being skipped. */
const SCALARS: Record<string, string> = {
  ID: '"1"',
  String: '"x"',
  Int: '1',
  SafeInt: '1',
  Float: '1',
  Boolean: 'false',
  LocalDate: '"2024-01-01"',
  DateTimeISO: '"2024-01-01T00:00:00.000Z"',
  JSON: '"x"',
};

const required = (a: GraphQLArgument | GraphQLInputField) => isNonNullType(a.type) && a.defaultValue === undefined;

function literal(type: GraphQLInputType): string {
  if (isNonNullType(type)) return literal(type.ofType);
  if (isListType(type)) return `[${literal(type.ofType)}]`;
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    return `{ ${Object.values(type.getFields())
      .filter(required)
      .map((f) => `${f.name}: ${literal(f.type)}`)
      .join(', ')} }`;
  }
  const value = SCALARS[type.name];
  if (value === undefined) throw new Error(`permission matrix: no dummy value for scalar ${type.name}; add one to SCALARS`);
  return value;
}

/**
 * `mutation { createUnit(name: "x", kind: STREET, jurisdictionId: "1") { __typename } }`: required
 * arguments get dummy values, `overrides` (GraphQL literals by argument name) replace or add some.
 */
export function operationFor(f: RootField, overrides: Record<string, string> = {}): string {
  const args = f.field.args.filter((a) => required(a) || a.name in overrides).map((a) => `${a.name}: ${overrides[a.name] ?? literal(a.type)}`);
  const selection = isLeafType(getNamedType(f.field.type)) ? '' : ' { __typename }';
  return `${f.kind} { ${f.name}${args.length ? `(${args.join(', ')})` : ''}${selection} }`;
}

export interface Answer {
  status: number;
  body: GqlResponse;
}

export async function send(app: App, endpoint: Endpoint, query: string, headers: Record<string, string>): Promise<Answer> {
  const req = request(app.express).post(PATHS[endpoint]).set('content-type', 'application/json');
  for (const [name, value] of Object.entries(headers)) req.set(name, value);
  const res = await req.send({ query });
  return { status: res.status, body: res.body as GqlResponse };
}

/** What the server said; `unclear` (a malformed operation, a server error…) fails the matrix as well. */
export type Verdict = 'allowed' | 'denied' | 'unclear';

const REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);
/** Refusals for the dummy arguments, not for the caller: the permission check was passed. */
const ARGUMENT_ERRORS = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT']);

export function verdictOf(a: Answer, field: string): Verdict {
  const errors = a.body?.errors ?? [];
  // the role may, but the dummy record lies outside the caller's office (the scope rule's own test: scope.test.ts)
  const outOfScope = (e: (typeof errors)[number]) => e.extensions?.reason === 'OUT_OF_SCOPE';
  if (a.status === 401 || errors.some((e) => REFUSALS.has(String(e.extensions?.code)) && !outOfScope(e))) return 'denied';
  if (a.status === 200 && errors.length > 0 && errors.every(outOfScope)) return 'allowed';
  if (a.status !== 200) return 'unclear';
  const answered = a.body.data != null && a.body.data[field] !== undefined;
  const argumentError = errors.length > 0 && errors.every((e) => ARGUMENT_ERRORS.has(String(e.extensions?.code)));
  return (answered && errors.length === 0) || argumentError ? 'allowed' : 'unclear';
}

/** A field sent to the other endpoint must not run: no data at all, only errors (unknown field, or no credentials). */
export function refusedElsewhere(a: Answer): boolean {
  return (a.body?.errors?.length ?? 0) > 0 && a.body.data == null;
}

/** Short text of an answer for failure messages. */
export function summary(a: Answer): string {
  const errors = a.body?.errors ?? [];
  return `HTTP ${a.status} ${
    errors
      .map((e) => `${e.extensions?.code ?? '?'}: ${e.message}`)
      .join('; ')
      .slice(0, 200) || 'no errors'
  }`;
}

/**
 * A digest per table of everything stored, to show that refused calls changed nothing. Logs that are
 * written by design whatever the outcome are left out: the partner access log and sign-in events.
 */
export async function snapshot(ds: DataSource): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const m of ds.entityMetadatas) {
    if (m.tableType === 'view' || m.tableName === 'partner_access') continue;
    const order = m.primaryColumns.map((c) => ds.driver.escape(c.databaseName)).join(', ');
    let rows: Array<Record<string, unknown>> = await ds.query(`SELECT * FROM ${ds.driver.escape(m.tableName)} ORDER BY ${order}`);
    if (m.tableName === 'audit_event') rows = rows.filter((r) => !String(r.action).startsWith('LOGIN'));
    out[m.tableName] = createHash('sha256').update(JSON.stringify(rows)).digest('hex');
  }
  return out;
}
