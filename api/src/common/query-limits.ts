import type { GraphQLRequestContextDidResolveOperation } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { type GraphQLField, GraphQLError, getNamedType, getNullableType, isLeafType, isListType, type ValidationContext, type ValidationRule } from 'graphql';
import { type ComplexityEstimatorArgs, getComplexity } from 'graphql-query-complexity';
import { Extensions } from 'type-graphql';
import { checkTextInputs } from './input-fields';
import { DEFAULT_PER_PAGE } from './list';

/**
 * What one GraphQL document may ask for, checked before anything runs. The values and why each
 * was chosen are in the README ("Reliability and security"); tests/bench measure the console's and
 * the partner client's real operations against them.
 */
export interface QueryLimits {
  /** Nesting of selections (fragments flattened). */
  depth: number;
  /** Aliased fields in one document. */
  aliases: number;
  /** Directives in one document. */
  directives: number;
  /** Lexical tokens; the parser stops counting here, so a huge document costs no more than this. */
  tokens: number;
  /** Estimated rows touched: a list costs its page size times what each row asks for (see `estimateCost`). */
  cost: number;
}

export const ADMIN_LIMITS: QueryLimits = { depth: 8, aliases: 30, directives: 10, tokens: 4000, cost: 30_000 };
export const PARTNER_LIMITS: QueryLimits = { depth: 7, aliases: 10, directives: 5, tokens: 1000, cost: 6_000 };

/**
 * Lists without a page argument (a document's clauses, a case's payouts, a task's assignments) are
 * costed at the largest size they reach in practice (the seeds' largest times about 1.5, or what a
 * city-scale office holds), so a cycle through them multiplies. Each such field says its size where
 * it is declared, with `@ListSize(n)` (a field extension); lists that do not say cost
 * DEFAULT_CHILD_LIST_SIZE rows.
 */
export const ListSize = (rows: number) => Extensions({ listSize: rows });
const DEFAULT_CHILD_LIST_SIZE = 10;
const PAGE_ARGS = ['perPage', 'first'];

/** A field's cost: (rows it returns) × (1 + what each row asks for). Scalars and enums are free. */
export function estimateCost({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number {
  if (isLeafType(getNamedType(field.type))) return 0;
  return rowsOf(type.name, field, args, isListType(getNullableType(field.type))) * (1 + childComplexity);
}

function rowsOf(typeName: string, field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, isList: boolean): number {
  for (const name of PAGE_ARGS) {
    if (field.args.some((a) => a.name === name)) {
      const asked = args[name];
      if (typeof asked === 'number' && asked > 0) return asked;
      const ids = (args.filter as { ids?: unknown[] } | undefined)?.ids;
      return Array.isArray(ids) && ids.length ? ids.length : DEFAULT_PER_PAGE;
    }
  }
  if (!isList) return 1;
  // A Relay connection's edges are already multiplied by `first` on the connection field.
  if (typeName.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return 1;
  const declared = field.extensions?.listSize;
  return typeof declared === 'number' ? declared : DEFAULT_CHILD_LIST_SIZE;
}

/** The refusal every limit gives: code QUERY_LIMIT, which limit, its value and (where known) the request's. */
export function limitError(limit: keyof QueryLimits, max: number, actual?: number): GraphQLError {
  const what = { depth: 'nesting depth', aliases: 'aliases', directives: 'directives', tokens: 'tokens', cost: 'estimated cost' }[limit];
  const got = actual === undefined ? '' : ` (this request: ${actual})`;
  return new GraphQLError(`Query refused before running: more ${what} than the limit of ${max}${got}`, {
    extensions: { code: 'QUERY_LIMIT', limit, max, ...(actual === undefined ? {} : { actual }), http: { status: 400 } },
  });
}

/** Depth, aliases and directives as validation rules (graphql-armor), each refusing with `limitError`. */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  const report = (limit: keyof QueryLimits, max: number) => ({
    n: max,
    propagateOnRejection: false,
    onReject: [(ctx: ValidationContext | null) => ctx?.reportError(limitError(limit, max))],
  });
  return [
    maxDepthRule({ ...report('depth', limits.depth), ignoreIntrospection: true, flattenFragments: true }),
    maxAliasesRule(report('aliases', limits.aliases)),
    maxDirectivesRule(report('directives', limits.directives)),
  ] as unknown as ValidationRule[];
}

/**
 * A document's cost depends on nothing but the schema, the document, the operation and the values of
 * the variables it declares, so it is kept: per schema, by the document's hash, the operation and
 * those values in JSON (up to 2,048 characters; undeclared variables are not part of the key, so junk
 * ones make no new entries), at most COSTS_KEPT entries a schema, the oldest dropped first. The
 * partner endpoint's profile showed graphql-query-complexity's walk on every request.
 */
const COSTS_KEPT = 2000;
const costs = new WeakMap<object, Map<string, number>>();
function knownCost(rc: GraphQLRequestContextDidResolveOperation<{ cost?: number }>): { cost?: number; keep: (cost: number) => void } {
  const none = { keep: () => undefined };
  if (!rc.queryHash || !rc.operation) return none;
  const given = (rc.request.variables ?? {}) as Record<string, unknown>;
  const declared = (rc.operation.variableDefinitions ?? []).map((d) => d.variable.name.value);
  let vars: string;
  try {
    // an absent variable (its default applies) and one given as null are different keys
    vars = JSON.stringify(declared.filter((name) => Object.prototype.hasOwnProperty.call(given, name)).map((name) => [name, given[name]]));
  } catch {
    return none; // nested too deep to write out (a hostile request): not kept, its cost is worked out
  }
  if (vars.length > 2048) return none;
  const key = `${rc.queryHash}\u0000${rc.operationName ?? ''}\u0000${vars}`;
  let kept = costs.get(rc.schema);
  return {
    cost: kept?.get(key),
    keep: (cost) => {
      if (!kept) costs.set(rc.schema, (kept = new Map()));
      if (kept.size >= COSTS_KEPT) kept.delete(kept.keys().next().value!);
      kept.set(key, cost);
    },
  };
}

/**
 * The cost check, once the operation and its variables are known and before it executes (page
 * sizes often come in variables). The cost is left on the context for the request log.
 */
export function checkCost(rc: GraphQLRequestContextDidResolveOperation<{ cost?: number }>, limits: QueryLimits): void {
  const known = knownCost(rc);
  let cost = known.cost;
  if (cost === undefined) {
    try {
      cost = getComplexity({
        schema: rc.schema,
        query: rc.document,
        operationName: rc.operationName ?? undefined,
        variables: rc.request.variables ?? {},
        estimators: [estimateCost],
        maxQueryNodes: limits.tokens * 4,
      });
    } catch (err) {
      // Too many nodes once fragments are spread: refused. Variables that do not coerce: execution
      // refuses them with a field error of its own, before any resolver runs.
      if (err instanceof Error && /maximum allowed number of nodes/i.test(err.message)) throw limitError('cost', limits.cost);
      return;
    }
    known.keep(cost);
  }
  rc.contextValue.cost = cost;
  if (cost > limits.cost) throw limitError('cost', limits.cost, cost);
}

/**
 * Everything a request must pass before it may read the database, in this order: its cost, then
 * its text inputs (control characters, size). Both endpoints' gates call this before the credentials.
 */
export function admitOperation(rc: GraphQLRequestContextDidResolveOperation<{ cost?: number }>, limits: QueryLimits): void {
  checkCost(rc, limits);
  checkTextInputs(rc.document, (rc.request.variables ?? {}) as Record<string, unknown>);
}

/** "Document contains more than N tokens" from graphql-js's parser, recognised so it is answered as a QUERY_LIMIT. */
export function tokenLimitOf(message: string): number | undefined {
  const m = /Document contains more tha[nt] (\d+) tokens/.exec(message); // graphql 16 writes "more that"
  return m ? Number(m[1]) : undefined;
}
