import {
  getNamedType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';

/*
 * What the hostile suite generates its requests from: the printed schemas (schema/*.graphql), walked
 * for relation cycles, nesting paths and every place an argument value can go.
 */

export { type Endpoint, PATHS, printedSchema } from './printed-schemas';

type AnyField = GraphQLField<unknown, unknown>;
const PAGE_ARGS = ['perPage', 'first'];

/** Dummy JSON values per scalar; a new scalar fails loudly here instead of being skipped. */
const DUMMIES: Record<string, unknown> = {
  ID: '1',
  String: 'x',
  Int: 1,
  SafeInt: 1,
  Float: 1,
  Boolean: false,
  LocalDate: '2024-06-30',
  DateTimeISO: '2024-06-30T00:00:00.000Z',
  JSON: 'x',
};

const required = (a: GraphQLArgument | GraphQLInputField) => isNonNullType(a.type) && a.defaultValue === undefined;

/** A JSON value of `type` (required input fields filled, optional ones left out). */
export function dummy(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return dummy(type.ofType);
  if (isListType(type)) return [dummy(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type))
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter(required)
        .map((f) => [f.name, dummy(f.type)]),
    );
  if (!(type.name in DUMMIES)) throw new Error(`hostile suite: no dummy value for scalar ${type.name}`);
  return DUMMIES[type.name];
}

/** The same value as a GraphQL literal (enums bare, strings quoted). */
export function literal(type: GraphQLInputType, value: unknown = dummy(type)): string {
  if (isNonNullType(type)) return literal(type.ofType, value);
  if (isListType(type)) return `[${(value as unknown[]).map((v) => literal(type.ofType, v)).join(', ')}]`;
  if (isEnumType(type)) return String(value);
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    return `{ ${Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${k}: ${literal(fields[k].type, v)}`)
      .join(', ')} }`;
  }
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** A place an argument value goes: `perPage`, `filter.q`, `filter.ids` (inside a list). */
export interface Slot {
  path: string[];
  scalar: string;
  inList: boolean;
}

/** Every scalar place in a field's arguments, through input objects up to `depth` levels. */
export function slotsOf(field: AnyField, depth = 2): Slot[] {
  const out: Slot[] = [];
  const walk = (type: GraphQLInputType, at: string[], inList: boolean, level: number) => {
    const inner = isNonNullType(type) ? type.ofType : type;
    if (isListType(inner)) return walk(inner.ofType, at, true, level);
    if (isScalarType(inner)) out.push({ path: at, scalar: inner.name, inList });
    else if (isInputObjectType(inner) && level < depth) for (const f of Object.values(inner.getFields())) walk(f.type, [...at, f.name], inList, level + 1);
  };
  for (const a of field.args) walk(a.type, [a.name], false, 0);
  return out;
}

/**
 * `field(arg: $a0 …)` with `value` at `slot` (wrapped in a list where the slot is one) and dummies
 * in the other required places; page sizes default to `perPage` so an answer stays small.
 */
export function callWith(field: AnyField, slot?: Slot, value?: unknown, perPage = 5, prefix = 'a'): { defs: string[]; args: string; variables: Record<string, unknown> } {
  const defs: string[] = [];
  const parts: string[] = [];
  const variables: Record<string, unknown> = {};
  field.args.forEach((a, i) => {
    let v: unknown;
    if (slot && slot.path[0] === a.name) v = placeAt(a.type, slot.path.slice(1), slot.inList ? [value] : value);
    else if (required(a)) v = dummy(a.type);
    else if (PAGE_ARGS.includes(a.name)) v = perPage;
    else return;
    const name = `${prefix}${i}`;
    defs.push(`$${name}: ${String(a.type)}`);
    parts.push(`${a.name}: $${name}`);
    variables[name] = v;
  });
  return { defs, args: parts.length ? `(${parts.join(', ')})` : '', variables };
}

function placeAt(type: GraphQLInputType, rest: string[], value: unknown): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (rest.length === 0) return value;
  if (isListType(inner)) return [placeAt(inner.ofType, rest, value)];
  if (!isInputObjectType(inner)) throw new Error(`hostile suite: no field ${rest[0]} in ${String(type)}`);
  const base = dummy(inner) as Record<string, unknown>;
  return { ...base, [rest[0]]: placeAt(inner.getFields()[rest[0]].type, rest.slice(1), value) };
}

/** `{ id }`, the first argument-free scalar, or `{ __typename }`; empty for a leaf type. */
export function leafSelection(type: GraphQLNamedType): string {
  if (!isObjectType(type)) return isScalarType(type) || isEnumType(type) ? '' : '{ __typename }';
  const fields = Object.values(type.getFields()).filter((f) => !f.args.some(required));
  const leaf = fields.find((f) => f.name === 'id') ?? fields.find((f) => isScalarType(getNamedType(f.type)) || isEnumType(getNamedType(f.type)));
  return `{ ${leaf?.name ?? '__typename'} }`;
}

/** `name(required: literal, perPage: n)`: a field call inline, the page size (if it has one) set to `page`. */
export function inlineCall(field: AnyField, page?: number): string {
  const parts = field.args
    .filter((a) => required(a) || (page !== undefined && PAGE_ARGS.includes(a.name)))
    .map((a) => `${a.name}: ${PAGE_ARGS.includes(a.name) && page !== undefined ? page : literal(a.type)}`);
  return parts.length ? `${field.name}(${parts.join(', ')})` : field.name;
}

/** Fields of `type` returning an object type (lists included). */
export function objectFields(type: GraphQLObjectType): AnyField[] {
  return Object.values(type.getFields()).filter((f) => isObjectType(getNamedType(f.type)));
}

/** A relation and the relation leading back: `Payout.case` then `AwardCase.payouts`. */
export interface Cycle {
  from: GraphQLObjectType;
  there: AnyField;
  back: AnyField;
  /** Fields from Query down to `from`. */
  entry: AnyField[];
}

/** Every pair of relations that lead back to where they started (a self-relation pairs with itself), reachable from Query. */
export function relationCycles(schema: GraphQLSchema): Cycle[] {
  const query = schema.getQueryType()!;
  const entries = entryPaths(schema);
  const out: Cycle[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type === query || type.name.startsWith('__') || !entries.has(type.name)) continue;
    for (const there of objectFields(type)) {
      const to = getNamedType(there.type) as GraphQLObjectType;
      for (const back of objectFields(to)) {
        if (getNamedType(back.type) === type && (to !== type || back === there)) out.push({ from: type, there, back, entry: entries.get(type.name)! });
      }
    }
  }
  return out;
}

/** The shortest path of fields from Query to each object type, preferring paged root lists (`allPayouts`). */
function entryPaths(schema: GraphQLSchema): Map<string, AnyField[]> {
  const query = schema.getQueryType()!;
  const found = new Map<string, AnyField[]>();
  const roots = objectFields(query).sort((a, b) => Number(b.args.some((x) => PAGE_ARGS.includes(x.name))) - Number(a.args.some((x) => PAGE_ARGS.includes(x.name))));
  let frontier: AnyField[][] = roots.map((f) => [f]);
  while (frontier.length) {
    const next: AnyField[][] = [];
    for (const p of frontier) {
      const t = getNamedType(p[p.length - 1].type) as GraphQLObjectType;
      if (found.has(t.name)) continue;
      found.set(t.name, p);
      for (const f of objectFields(t)) next.push([...p, f]);
    }
    frontier = next;
  }
  return found;
}

/**
 * For each object type, whether a chain of `k` more object fields can start there (k ≤ max), so a
 * random walk never ends early.
 */
export function reachability(schema: GraphQLSchema, max: number): Array<Set<string>> {
  const types = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
  const can: Array<Set<string>> = [new Set(types.map((t) => t.name))];
  for (let k = 1; k <= max; k++) {
    can.push(new Set(types.filter((t) => objectFields(t).some((f) => can[k - 1].has(getNamedType(f.type).name))).map((t) => t.name)));
  }
  return can;
}

/** Root Query fields, optionally only those taking some argument of a scalar in `scalars`. */
export function rootQueryFields(schema: GraphQLSchema): AnyField[] {
  return Object.values(schema.getQueryType()!.getFields());
}
