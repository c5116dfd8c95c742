import fc from 'fast-check';
import { getNamedType, type GraphQLField, isNonNullType } from 'graphql';
import type { Attack, Who } from './hostile.check';
import { callWith, type Endpoint, leafSelection, literal, printedSchema, rootQueryFields, type Slot, slotsOf } from './hostile.schema';

/*
 * Hostile values in arguments (issue 12 item 10): injection strings in every string argument of
 * every root query field, odd and long Unicode, numbers at the edges. Values go in variables (JSON,
 * so lone surrogates travel as \uD800 escapes) and some inline.
 */

type AnyField = GraphQLField<unknown, unknown>;

/** Each at most 100 characters, the longest search text the API takes, so it reaches the query. */
export const INJECTIONS = [
  "' OR 1=1 --",
  '" OR ""="',
  "'; DROP TABLE user; --",
  "1' UNION SELECT password FROM user --",
  '%',
  '_',
  '%_%',
  '\\',
  "\\'",
  'a\\',
  '!',
  '\u0000',
  'a\u0000b',
  '${7*7}',
  '{{7*7}}',
  '#{7*7}',
  '`${process.exit(1)}`',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "=cmd|' /C calc'!A0",
  '+SUM(1+1)',
  '@SUM(1+1)',
  '-2+3',
  '../../etc/passwd',
];

/** The scalars a client sends as JSON strings. */
const STRING_SCALARS = new Set(['String', 'ID', 'LocalDate', 'DateTimeISO', 'JSON']);

interface Target {
  endpoint: Endpoint;
  field: AnyField;
  slot: Slot;
}

/** Every (root query field, string-typed slot) of an endpoint's printed schema. */
export function stringTargets(endpoint: Endpoint, scalars = STRING_SCALARS): Target[] {
  return rootQueryFields(printedSchema(endpoint)).flatMap((field) =>
    slotsOf(field)
      .filter((s) => scalars.has(s.scalar))
      .map((slot) => ({ endpoint, field, slot })),
  );
}

function withValue(cls: string, t: Target, who: Who, value: unknown, label: string): Attack {
  const call = callWith(t.field, t.slot, value);
  const sel = leafSelection(getNamedType(t.field.type));
  const query = `query${call.defs.length ? `(${call.defs.join(', ')})` : ''} { ${t.field.name}${call.args} ${sel} }`;
  return { cls, endpoint: t.endpoint, who, label: `${t.field.name}(${t.slot.path.join('.')}: ${label})`, body: { query, variables: call.variables }, echoes: typeof value === 'string' ? [value] : [] };
}

/**
 * The injection strings combined into a few texts of at most 100 characters, grouped so that a
 * refusal of one character (NUL) does not keep the others from the query.
 */
export const INJECTION_GROUPS = [
  '\' OR 1=1 -- " OR ""=" \'; DROP TABLE user; -- 1\' UNION SELECT password FROM user --',
  "%_%\\ \\' a\\ ! % _ ../../etc/passwd",
  '${7*7} {{7*7}} #{7*7} `${process.exit(1)}` <script>alert(1)</script> "><img src=x onerror=alert(1)>',
  "=cmd|' /C calc'!A0 +SUM(1+1) @SUM(1+1) -2+3",
  "a\u0000b' OR 1=1 --",
];

/**
 * Injection strings in every string-typed slot (String, ID, date) of every root query field, one
 * request each (a failing non-null root field would hide what its neighbours in a shared request
 * did). ADMIN, who reaches every query, sends a group in every slot, the groups taking turns, and
 * the SQL and LIKE groups in every search text (`q`); UNIT_STAFF, whose queries are scoped to a
 * unit, sends a group in every text and date slot but sorting and in every fourth id slot; the partner key sends
 * every group in every slot. Then single strings in slots drawn at random.
 */
export function injection(seed: number, runs: number): Attack[] {
  const out: Attack[] = [];
  const group = (i: number) => INJECTION_GROUPS[i % INJECTION_GROUPS.length];
  const send = (t: Target, who: Who, p: string) => out.push(withValue('injection', t, who, p, JSON.stringify(p)));
  stringTargets('admin').forEach((t, i) => {
    send(t, 'ADMIN', group(i));
    const search = t.slot.path[t.slot.path.length - 1] === 'q';
    if (search) for (const p of INJECTION_GROUPS.slice(0, 2)) if (p !== group(i)) send(t, 'ADMIN', p);
    // Sorting is checked against the entity's columns before any scope applies: ADMIN covers it.
    const sort = t.slot.path[0] === 'sortField' || t.slot.path[0] === 'sortOrder';
    if (!sort && (t.slot.scalar !== 'ID' || i % 4 === 0)) send(t, 'UNIT_STAFF', group(i + 1));
  });
  for (const t of stringTargets('partner')) for (const p of INJECTION_GROUPS) send(t, 'partner', p);
  const targets = [...stringTargets('admin'), ...stringTargets('partner')];
  const callers: Record<Endpoint, Who[]> = { admin: ['ADMIN', 'UNIT_STAFF'], partner: ['partner'] };
  const arb = fc.record({ pick: fc.nat(), payload: fc.constantFrom(...INJECTIONS), who: fc.nat() });
  for (const { pick, payload, who } of fc.sample(arb, { seed, numRuns: runs })) {
    const t = targets[pick % targets.length];
    out.push(withValue('injection', t, callers[t.endpoint][who % callers[t.endpoint].length], payload, JSON.stringify(payload)));
  }
  return out;
}

const ODD = [
  '𠀀𠀁𠀂𪚥𰻞',
  '\uD800',
  'a\uDC00b',
  '\uDC00\uD800',
  '\u202Eevil\u202C',
  '\u200F\u061C\u2067x\u2069',
  '\u200B\u200C\u200D\uFEFF',
  '👨‍👩‍👧‍👦🏳️‍🌈🧑🏽‍💻',
  `e${'\u0301'.repeat(200)}`,
  '\u0001\u001F\u007F\u0085\u2028\u2029',
  '\r\n\t',
  'ﷺ\uFFFD\uFFFF',
];
const LONG = ['a', '中', '𠀀', '\u200B', '👨‍👩‍👧‍👦'].map((c) => c.repeat(Math.ceil(100_000 / c.length)));

/** Odd Unicode from a list, random full-range strings, and 100,000-character strings. */
const oddString = fc.oneof(fc.constantFrom(...ODD), fc.string({ unit: 'binary', maxLength: 120 }), fc.string({ unit: 'grapheme-composite', maxLength: 60 }), fc.constantFrom(...LONG));

/** Mutations that take text and create something; nothing signs in, out or as anyone else. */
function textMutations(): AnyField[] {
  const m = printedSchema('admin').getMutationType()!;
  return Object.values(m.getFields()).filter((f) => /^create/.test(f.name) && f.name !== 'createUser' && f.args.some((a) => getNamedType(a.type).name === 'String'));
}

/**
 * Odd and long Unicode in string slots of root queries on both endpoints, in every text argument
 * of create mutations (ADMIN), and as a user name to sign in with (anonymous).
 */
export function unicode(seed: number, runs: number): Attack[] {
  const queries = [...stringTargets('admin', new Set(['String'])), ...stringTargets('partner', new Set(['String']))];
  const mutations = textMutations();
  const arb = fc.record({ kind: fc.constantFrom('query', 'query', 'mutation', 'login'), pick: fc.nat(), who: fc.nat(), value: oddString });
  return fc.sample(arb, { seed, numRuns: runs }).map(({ kind, pick, who, value }): Attack => {
    const shown = value.length > 40 ? `${JSON.stringify(value.slice(0, 12))}… (${value.length} UTF-16 units)` : JSON.stringify(value);
    if (kind === 'query') {
      const t = queries[pick % queries.length];
      const callers: Who[] = t.endpoint === 'admin' ? ['ADMIN', 'UNIT_STAFF', 'anonymous'] : ['partner', 'anonymous'];
      return withValue('unicode', t, callers[who % callers.length], value, shown);
    }
    if (kind === 'login') {
      return {
        cls: 'unicode',
        endpoint: 'admin',
        who: 'anonymous',
        label: `login as ${shown}`,
        body: { query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', variables: { u: value, p: value } },
        echoes: [value],
      };
    }
    const f = mutations[pick % mutations.length];
    const defs: string[] = [];
    const args: string[] = [];
    const variables: Record<string, unknown> = {};
    for (const a of f.args) {
      if (getNamedType(a.type).name === 'String' && !isListTypeDeep(a.type)) {
        defs.push(`$${a.name}: ${String(a.type)}`);
        args.push(`${a.name}: $${a.name}`);
        variables[a.name] = value;
      } else if (isNonNullType(a.type) && a.defaultValue === undefined) args.push(`${a.name}: ${literal(a.type)}`);
    }
    const query = `mutation(${defs.join(', ')}) { ${f.name}(${args.join(', ')}) { __typename } }`;
    return { cls: 'unicode', endpoint: 'admin', who: 'ADMIN', label: `${f.name}(every text: ${shown})`, body: { query, variables }, echoes: [value] };
  });
}

const isListTypeDeep = (t: unknown): boolean => String(t).includes('[');

/** 2^31, 2^53, -1, NaN-like and overlong texts in every kind of number and id place. */
const EDGES: unknown[] = [
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31),
  -(2 ** 31) - 1,
  2 ** 53,
  -(2 ** 53),
  2 ** 64,
  -1,
  0,
  1e308,
  -1e308,
  1.5,
  5e-324,
  'NaN',
  'Infinity',
  '-Infinity',
  '-0',
  '1e3',
  '0x10',
  ' 1',
  '1 ',
  '',
  '+1',
  '01',
  '1.0',
  '9223372036854775808',
  '-9223372036854775809',
  '9'.repeat(400),
  true,
  null,
  [],
  {},
];

/** A raw JSON number that JSON.parse cannot hold exactly (or at all). */
const RAW_NUMBERS = ['9007199254740993', '1e400', '-1e400', '123456789012345678901234567890', '1E-400'];

export function numbers(seed: number, runs: number): Attack[] {
  const targets = (['admin', 'partner'] as const).flatMap((e) => stringTargets(e, new Set(['Int', 'ID', 'SafeInt', 'Float'])));
  const arb = fc.record({ pick: fc.nat(), who: fc.nat(), edge: fc.nat({ max: EDGES.length + RAW_NUMBERS.length - 1 }), inline: fc.boolean() });
  return fc.sample(arb, { seed, numRuns: runs }).map(({ pick, who, edge, inline }): Attack => {
    const t = targets[pick % targets.length];
    const callers: Who[] = t.endpoint === 'admin' ? ['ADMIN', 'UNIT_STAFF'] : ['partner'];
    const caller = callers[who % callers.length];
    if (edge >= EDGES.length) {
      // Placed as a string, then swapped for the bare number in the JSON text.
      const raw = RAW_NUMBERS[edge - EDGES.length];
      const a = withValue('numbers', t, caller, `@@${raw}@@`, raw);
      return { ...a, raw: JSON.stringify(a.body).replace(`"@@${raw}@@"`, raw), contentType: 'application/json', body: undefined, echoes: [raw] };
    }
    const value = EDGES[edge];
    if (inline && (typeof value === 'number' || typeof value === 'string')) {
      const call = callWith(t.field, t.slot, value);
      const lit = typeof value === 'string' ? JSON.stringify(value) : Number.isFinite(value) ? String(value) : '0';
      // The same call with the slot's variable replaced by the literal.
      const slotVar = Object.keys(call.variables).find((k) => call.args.includes(`${t.slot.path[0]}: $${k}`))!;
      const literalValue = t.slot.path.length > 1 || t.slot.inList ? inlineNested(call.variables[slotVar], lit, value) : lit;
      const defs = call.defs.filter((d) => !d.startsWith(`$${slotVar}:`));
      const args = call.args.replace(`$${slotVar}`, literalValue);
      const query = `query${defs.length ? `(${defs.join(', ')})` : ''} { ${t.field.name}${args} ${leafSelection(getNamedType(t.field.type))} }`;
      const variables = Object.fromEntries(Object.entries(call.variables).filter(([k]) => k !== slotVar));
      return { cls: 'numbers', endpoint: t.endpoint, who: caller, label: `${t.field.name}(${t.slot.path.join('.')}: ${lit}) inline`, body: { query, variables }, echoes: [lit] };
    }
    return withValue('numbers', t, caller, value, JSON.stringify(value));
  });
}

/** An input object or list value as a GraphQL literal, with the placed value (a JSON string) swapped for `lit`. */
function inlineNested(v: unknown, lit: string, placed: unknown): string {
  if (v === placed) return lit;
  if (Array.isArray(v)) return `[${v.map((x) => inlineNested(x, lit, placed)).join(', ')}]`;
  if (v && typeof v === 'object')
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${inlineNested(x, lit, placed)}`)
      .join(', ')} }`;
  // Nested dummies are strings, numbers or enum names; an enum name is not quoted.
  return typeof v === 'string' && /^[A-Z][A-Z_]+$/.test(v) ? v : JSON.stringify(v);
}
