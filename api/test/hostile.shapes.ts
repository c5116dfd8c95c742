import fc from 'fast-check';
import { getNamedType, type GraphQLObjectType, Lexer, Source, TokenKind } from 'graphql';
import { ADMIN_LIMITS, PARTNER_LIMITS, type QueryLimits } from '../src/common/query-limits';
import type { Attack, Who } from './hostile.check';
import { type Endpoint, inlineCall, leafSelection, objectFields, printedSchema, reachability, relationCycles } from './hostile.schema';

/*
 * Attacks on the shape of a document (issue 12 item 10): depth, relation cycles with fan-out,
 * aliases, directives, tokens, fragments, misspelled names. Each generator is a fast-check
 * arbitrary sampled with the suite's seed, and states what the limits must do with each document
 * (refuse it by a named limit, or not refuse it by the limits it is within).
 */

export const LIMITS: Record<Endpoint, QueryLimits> = { admin: ADMIN_LIMITS, partner: PARTNER_LIMITS };
export const CALLERS: Record<Endpoint, Who[]> = { admin: ['ADMIN', 'UNIT_STAFF', 'anonymous'], partner: ['partner', 'anonymous'] };

/** The bodies each endpoint reads (api/src/app.ts, partner.endpoint.ts): past them, 413 before parsing. */
export const BODY_LIMIT = (endpoint: Endpoint, who: Who) => (endpoint === 'partner' ? 32 * 1024 : who === 'anonymous' ? 16 * 1024 : 2 * 1024 * 1024);

export const tokensOf = (doc: string) => {
  const lexer = new Lexer(new Source(doc));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF) n++;
  return n;
};

const endpointAndCaller = fc.constantFrom<Endpoint>('admin', 'partner').chain((endpoint) => fc.record({ endpoint: fc.constant(endpoint), who: fc.constantFrom(...CALLERS[endpoint]) }));

/** The attack for `doc`, expecting the tokens limit first (the parser stops there), then `limit` if `over`, else nothing refused by `within`. */
function shaped(cls: string, endpoint: Endpoint, who: Who, label: string, doc: string, over: keyof QueryLimits | null, within: Array<keyof QueryLimits>, variables?: Record<string, unknown>): Attack {
  const body = { query: doc, variables };
  const size = Buffer.byteLength(JSON.stringify(body));
  const base = { cls, endpoint, who, label, body, echoes: [doc] };
  if (size > BODY_LIMIT(endpoint, who)) return { ...base, expect: { refused: ['PAYLOAD_TOO_LARGE', 413] } };
  if (tokensOf(doc) > LIMITS[endpoint].tokens) return { ...base, expect: { limit: 'tokens' } };
  return { ...base, expect: over ? { limit: over, within: within.filter((w) => w !== over) } : { within } };
}

/** Random nesting, `d` fields deep, along any relations of the schema. */
export function depth(seed: number, runs: number): Attack[] {
  const arb = fc.record({ ec: endpointAndCaller, d: fc.integer({ min: 1, max: 26 }), choices: fc.array(fc.nat(), { minLength: 30, maxLength: 30 }), page: fc.integer({ min: 1, max: 20 }) });
  return fc.sample(arb, { seed, numRuns: runs }).map(({ ec: { endpoint, who }, d, choices, page }): Attack => {
    const schema = printedSchema(endpoint);
    const reach = reachability(schema, 30);
    let type: GraphQLObjectType = schema.getQueryType()!;
    const calls: string[] = [];
    for (let i = 0; i < d - 1; i++) {
      const left = d - 2 - i;
      const options = objectFields(type).filter((f) => reach[left].has(getNamedType(f.type).name));
      const f = options[choices[i] % options.length];
      calls.push(inlineCall(f, page));
      type = getNamedType(f.type) as GraphQLObjectType;
    }
    const leaf = d === 1 ? '__typename' : leafSelection(type).slice(2, -2);
    const doc = `{ ${calls.map((c) => `${c} { `).join('')}${leaf}${' }'.repeat(calls.length)} }`;
    const limit = LIMITS[endpoint].depth;
    return shaped('depth', endpoint, who, `depth ${d}: ${doc.slice(0, 160)}`, doc, d > limit ? 'depth' : null, ['depth', 'aliases', 'directives']);
  });
}

/** Introspection nested deep (off in production, as here): refused by validation, never answered. */
export function introspection(seed: number, runs: number): Attack[] {
  const arb = fc.record({ ec: endpointAndCaller, n: fc.integer({ min: 1, max: 30 }), root: fc.constantFrom('__schema { types', '__type(name: "Query") { fields') });
  return fc.sample(arb, { seed, numRuns: runs }).map(({ ec: { endpoint, who }, n, root }): Attack => {
    const doc = `{ ${root} { name ${'type { ofType { fields { '.repeat(n)}name${' } } }'.repeat(n)} } } }`;
    return { cls: 'depth', endpoint, who, label: `introspection ×${n}`, body: { query: doc }, expect: { refused: ['GRAPHQL_VALIDATION_FAILED', 'QUERY_LIMIT'] } };
  });
}

/**
 * A relation and the one leading back, `levels` times (`Payout.case.payouts.case…`), entered from a
 * root list with a random page size and with random page sizes wherever a field takes one.
 */
export function cycles(seed: number, runs: number): Attack[] {
  const page = fc.oneof(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 1000 }), fc.constantFrom(1000, 100_000, 2 ** 31 - 1));
  const arb = fc.record({ ec: endpointAndCaller, pick: fc.nat(), levels: fc.integer({ min: 1, max: 30 }), pages: fc.array(page, { minLength: 40, maxLength: 40 }) });
  return fc.sample(arb, { seed, numRuns: runs }).map(({ ec: { endpoint, who }, pick, levels, pages }): Attack => {
    const all = relationCycles(printedSchema(endpoint));
    const c = all[pick % all.length];
    const path = [...c.entry, ...Array.from({ length: levels }, (_, i) => (i % 2 ? c.back : c.there))];
    const calls = path.map((f, i) => inlineCall(f, pages[i]));
    const last = getNamedType(path[path.length - 1].type);
    const doc = `{ ${calls.map((x) => `${x} { `).join('')}${leafSelection(last).slice(2, -2)}${' }'.repeat(calls.length)} }`;
    const d = path.length + 1;
    const label = `${c.from.name}.${c.there.name}/${c.back.name} ×${levels} (depth ${d}): ${doc.slice(0, 200)}`;
    return shaped('cycles', endpoint, who, label, doc, d > LIMITS[endpoint].depth ? 'depth' : null, ['depth', 'aliases', 'directives']);
  });
}

const CHEAP: Record<Endpoint, string[]> = {
  admin: ['me { id }', 'allUnits(perPage: 1000) { id name }', 'allAssignments(perPage: 1000) { id }', '_allUnitsMeta { count }', '__typename'],
  partner: ['areas(first: 1) { totalCount }', 'companyStanding(uscc: "91350500MA2Y000000") { asOf }', 'editions(first: 100) { totalCount }', '__typename'],
};

/** `n` aliases, at the root, nested, or through a fragment spread several times. */
export function aliases(seed: number, runs: number): Attack[] {
  const arb = fc.record({
    ec: endpointAndCaller,
    n: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(10, 11, 30, 31, 500, 1000)),
    pick: fc.nat(),
    where: fc.constantFrom('root', 'nested', 'fragment'),
    spreads: fc.integer({ min: 1, max: 5 }),
  });
  return fc.sample(arb, { seed, numRuns: runs }).map(({ ec: { endpoint, who }, n, pick, where, spreads }): Attack => {
    const sel = CHEAP[endpoint][pick % CHEAP[endpoint].length];
    const list = (k: number, s: string) => Array.from({ length: k }, (_, i) => `a${i}: ${s}`).join(' ');
    // Aliases of __typename are free (graphql-armor's allow-list): they cost nothing to answer.
    const counted = sel === '__typename' ? 0 : n;
    let doc: string;
    let count = counted;
    if (where === 'root') doc = `{ ${list(n, sel)} }`;
    else if (where === 'nested') {
      doc = endpoint === 'admin' ? `{ me { ${list(n, 'id')} } }` : `{ areas(first: 1) { ${list(n, 'totalCount')} } }`;
      count = n;
    } else {
      doc = `{ ${Array.from({ length: spreads }, (_, i) => `s${i}: __typename ...F`).join(' ')} } fragment F on Query { ${list(n, sel)} }`;
      count = spreads * counted;
    }
    const over = count > LIMITS[endpoint].aliases ? 'aliases' : null;
    return shaped('aliases', endpoint, who, `${count} aliases (${where}) of ${sel}`, doc, over, ['aliases', 'depth', 'directives']);
  });
}

/** `n` directives on fields, spreads and inline fragments; some unknown, some repeated where they may not be. */
export function directives(seed: number, runs: number): Attack[] {
  const one = fc.constantFrom('@include(if: true)', '@skip(if: false)', '@include(if: $yes)', '@skip(if: $no)');
  const arb = fc.record({ ec: endpointAndCaller, list: fc.array(one, { maxLength: 40 }), bad: fc.constantFrom('', '', '@foo', '@deprecated', 'repeat') });
  return fc.sample(arb, { seed, numRuns: runs }).map(({ ec: { endpoint, who }, list, bad }): Attack => {
    // One directive per selection keeps the document valid; `repeat` puts two on one field (refused by validation).
    const fields = list.map((d, i) => `f${i}: __typename ${d}`);
    if (bad === 'repeat') fields.push('r: __typename @include(if: true) @include(if: true)');
    else if (bad) fields.push(`b: __typename ${bad}`);
    const doc = `query($yes: Boolean = true, $no: Boolean = false) { ... @include(if: true) { ${fields.join(' ')} } }`;
    const n = list.length + 1 + (bad === 'repeat' ? 2 : bad ? 1 : 0);
    const over = n > LIMITS[endpoint].directives ? 'directives' : null;
    const a = shaped('directives', endpoint, who, `${n} directives${bad ? ` with ${bad}` : ''}`, doc, over, ['directives', 'depth']);
    // Aliases are part of this document too; only the directive limit is the point here.
    if (a.expect?.within) a.expect.within = a.expect.within.filter((w) => w !== 'aliases');
    if (bad && !over && !a.expect?.limit && !a.expect?.refused) a.expect = { ...a.expect, refused: ['GRAPHQL_VALIDATION_FAILED'] };
    return a;
  });
}

/** Documents around and far past the token limit: repeated selections, arguments, variables, a long comment, one long string, deep brackets. */
export function tokens(seed: number, runs: number): Attack[] {
  const arb = fc.record({
    ec: endpointAndCaller,
    kind: fc.constantFrom('selections', 'variables', 'arguments', 'comment', 'string', 'brackets'),
    scale: fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom(50, 1000, 2000, 40_000, 150_000)),
  });
  return fc.sample(arb, { seed, numRuns: runs }).map(({ ec: { endpoint, who }, kind, scale }): Attack => {
    const max = LIMITS[endpoint].tokens;
    // `scale` near 0 puts the document at the limit ± a few tokens; large values go far past it.
    const n = Math.max(1, scale > 3 ? scale : max + scale);
    const field = endpoint === 'admin' ? 'allUnits(perPage: 1' : 'areas(first: 1';
    const leaf = endpoint === 'admin' ? '{ id }' : '{ totalCount }';
    let doc: string;
    if (kind === 'selections') doc = `{ ${'__typename '.repeat(Math.max(1, n - 2))}}`;
    else if (kind === 'variables') doc = `query(${Array.from({ length: Math.max(1, Math.floor((n - 6) / 4)) }, (_, i) => `$v${i}: Int`).join(' ')}) { __typename }`;
    // Unknown arguments: each is its own validation error, so the answer is as long as the document allows.
    else if (kind === 'arguments') doc = `{ ${field}, ${Array.from({ length: Math.max(1, Math.floor((n - 10) / 3)) }, (_, i) => `x${i}: 1`).join(' ')}) ${leaf} }`;
    else if (kind === 'comment') doc = `# ${'x'.repeat(Math.min(n * 10, 1_500_000))}\n{ __typename }`;
    // One token however long: the text limits of the arguments refuse it, not the parser.
    else if (kind === 'string')
      doc =
        endpoint === 'admin'
          ? `{ allUnits(perPage: 1, filter: { q: "${'y'.repeat(Math.min(n, 1_000_000))}" }) { id } }`
          : `{ companyStanding(uscc: "${'y'.repeat(Math.min(n, 1_000_000))}") { asOf } }`;
    else doc = `query($x: [[Int]] = ${'['.repeat(Math.floor(n / 2))}${']'.repeat(Math.floor(n / 2))}) { __typename }`;
    const a = shaped('tokens', endpoint, who, `${kind}: ${tokensOf(doc)} tokens, ${doc.length} chars`, doc, null, ['tokens']);
    // Within the token limit these are still invalid (unknown arguments, a default nested too deep for its type).
    if (a.expect?.within && kind === 'arguments') a.expect = { ...a.expect, refused: ['GRAPHQL_VALIDATION_FAILED'] };
    // Lists nested a thousand deep exhaust the parser's stack before its token count does: refused as a parse failure.
    if (kind === 'brackets' && n > 6 && !a.expect?.refused) a.expect = { refused: ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'QUERY_LIMIT'] };
    return a;
  });
}
