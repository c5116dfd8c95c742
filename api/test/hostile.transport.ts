import zlib from 'node:zlib';
import fc from 'fast-check';
import type { Attack, Who } from './hostile.check';
import type { Endpoint } from './hostile.schema';
import { BODY_LIMIT, CALLERS } from './hostile.shapes';

/*
 * Attacks on the HTTP envelope (issue 12 item 10): batched arrays, oversized and compressed bodies,
 * wrong content types, GET with queries and mutations, other methods. All refused before parsing
 * the document, except GET queries a browser could not have forged (they are answered).
 */

const endpointAndCaller = fc.constantFrom<Endpoint>('admin', 'partner').chain((endpoint) => fc.record({ endpoint: fc.constant(endpoint), who: fc.constantFrom(...CALLERS[endpoint]) }));
const QUERY: Record<Endpoint, string> = { admin: '{ me { id } }', partner: '{ areas(first: 1) { totalCount } }' };
const LOGIN = 'mutation { login(username: "admin", password: "x") { token } }';

/** JSON arrays of operations (batching is off): refused whole, none of them run. */
export function batched(seed: number, runs: number): Attack[] {
  const op = fc.oneof(
    fc.constant({ query: '{ __typename }' }),
    fc.constant({ query: LOGIN }),
    fc.constant({ query: `{ ${'a: __typename '.repeat(3)}}` }),
    fc.constant(null),
    fc.constant([]),
    fc.constant('{ __typename }'),
  );
  const arb = fc.record({ ec: endpointAndCaller, ops: fc.array(op, { maxLength: 60 }), nest: fc.integer({ min: 0, max: 3 }) });
  return fc.sample(arb, { seed, numRuns: runs }).map(({ ec: { endpoint, who }, ops, nest }): Attack => {
    let body: unknown = ops;
    for (let i = 0; i < nest; i++) body = [body];
    return { cls: 'batched', endpoint, who, label: `array of ${ops.length} (nested ${nest})`, body, expect: { refused: ['BAD_REQUEST', 'GRAPHQL_PARSE_FAILED'] } };
  });
}

/** Bodies just under, at and over each endpoint's limit, far over it, gzip bombs, deep JSON. */
export function oversized(seed: number, runs: number): Attack[] {
  const arb = fc.record({
    ec: endpointAndCaller,
    by: fc.oneof(fc.integer({ min: -64, max: 64 }), fc.constantFrom(-1, 0, 1, 1000, 100_000, 3_000_000)),
    kind: fc.constantFrom('padding', 'variables', 'gzip', 'deep', 'badJson'),
  });
  return fc.sample(arb, { seed, numRuns: runs }).map(({ ec: { endpoint, who }, by, kind }): Attack => {
    const limit = BODY_LIMIT(endpoint, who);
    const size = Math.max(64, limit + by);
    const base = { cls: 'oversized', endpoint, who } as const;
    const pad = (skeleton: (p: string) => string) => {
      const empty = Buffer.byteLength(skeleton(''));
      return skeleton('x'.repeat(Math.max(0, size - empty)));
    };
    if (kind === 'gzip') {
      // A few kB on the wire, up to 20 MB once inflated: the limit applies to what is inflated.
      const times = Math.max(1, Math.min(100, Math.floor(20_000_000 / size)));
      const raw = zlib.gzipSync(Buffer.from(pad((p) => `{"query":"{ __typename }","pad":"${p.repeat(times)}"}`)));
      return {
        ...base,
        label: `gzip inflating to ${size * times} bytes`,
        raw,
        contentType: 'application/json',
        headers: { 'content-encoding': 'gzip' },
        expect: { refused: ['PAYLOAD_TOO_LARGE', 'BAD_REQUEST'] },
      };
    }
    let raw: string;
    if (kind === 'padding') raw = pad((p) => `{"query":"${QUERY[endpoint]}","pad":"${p}"}`);
    else if (kind === 'variables') {
      const n = Math.max(1, Math.floor(size / 14));
      const vars = Array.from({ length: n }, (_, i) => `"v${i}":${i}`).join(',');
      raw = `{"query":"{ __typename }","variables":{${vars}}}`;
    } else if (kind === 'deep') raw = `{"query":"{ __typename }","variables":{"x":${'['.repeat(Math.floor(size / 2) - 40)}${']'.repeat(Math.floor(size / 2) - 40)}}}`;
    else raw = pad((p) => `{"query":"{ __typename }","pad":"${p}`);
    const bytes = Buffer.byteLength(raw);
    const over = bytes > limit;
    const expect = over ? { refused: ['PAYLOAD_TOO_LARGE', 413] } : kind === 'badJson' ? { refused: ['BAD_REQUEST'] } : undefined;
    return { ...base, label: `${kind}, ${bytes} bytes (limit ${limit})`, raw, contentType: 'application/json', expect };
  });
}

const TYPES: Array<[string | null, string]> = [
  ['text/plain', 'query'],
  ['text/plain; charset=utf-8', 'json'],
  ['application/x-www-form-urlencoded', 'form'],
  ['multipart/form-data; boundary=XyZ', 'multipart'],
  [null, 'json'],
  ['application/graphql', 'query'],
  ['application/xml', 'xml'],
  ['application/json; charset=latin1', 'json'],
  ['application/json; charset=utf-16', 'json'],
  ['application/json; charset=bogus', 'json'],
  ['image/png', 'json'],
];

/** Bodies a browser could send cross-site (text/plain, form, multipart) and other non-JSON types, with and without the preflight header. */
export function contentTypes(seed: number, runs: number): Attack[] {
  const arb = fc.record({ ec: endpointAndCaller, type: fc.nat({ max: TYPES.length - 1 }), preflight: fc.boolean(), op: fc.constantFrom('query', 'login') });
  return fc.sample(arb, { seed, numRuns: runs }).map(({ ec: { endpoint, who }, type, preflight, op }): Attack => {
    const [contentType, shape] = TYPES[type];
    const doc = op === 'login' ? LOGIN : QUERY[endpoint];
    const raw =
      shape === 'query'
        ? doc
        : shape === 'form'
          ? `query=${encodeURIComponent(doc)}`
          : shape === 'multipart'
            ? `--XyZ\r\nContent-Disposition: form-data; name="operations"\r\n\r\n${JSON.stringify({ query: doc })}\r\n--XyZ--\r\n`
            : shape === 'xml'
              ? `<query>${doc}</query>`
              : JSON.stringify({ query: doc });
    return {
      cls: 'contentTypes',
      endpoint,
      who,
      label: `${contentType ?? 'no content type'}${preflight ? ' + apollo-require-preflight' : ''}: ${op}`,
      raw,
      contentType,
      headers: preflight ? { 'apollo-require-preflight': '1' } : {},
      expect: { refused: ['BAD_REQUEST', 'PAYLOAD_TOO_LARGE'] },
    };
  });
}

/** GET with queries (answered only with the preflight header), mutations (never), odd parameters, URLs too long. */
export function gets(seed: number, runs: number): Attack[] {
  const arb = fc.record({
    ec: endpointAndCaller,
    kind: fc.constantFrom('query', 'mutation', 'mutationByName', 'badVariables', 'persisted', 'longUrl', 'put', 'delete'),
    preflight: fc.boolean(),
  });
  return fc.sample(arb, { seed, numRuns: runs }).map(({ ec: { endpoint, who }, kind, preflight }): Attack => {
    const headers: Record<string, string> = preflight ? { 'apollo-require-preflight': '1' } : {};
    const base = { cls: 'get', endpoint, who: who as Who, method: 'GET' as const, headers };
    const csrf = preflight ? [] : ['BAD_REQUEST'];
    if (kind === 'query') return { ...base, label: `GET query${preflight ? ' + preflight' : ''}`, query: { query: QUERY[endpoint] }, expect: preflight ? undefined : { refused: csrf } };
    // The partner schema has no mutations at all: refused by validation there.
    const noMutation = ['BAD_REQUEST', 'GRAPHQL_VALIDATION_FAILED'];
    if (kind === 'mutation') return { ...base, label: 'GET mutation', query: { query: LOGIN }, expect: { refused: noMutation } };
    if (kind === 'mutationByName') {
      return {
        ...base,
        label: 'GET document with a query and a mutation, the mutation named',
        query: { query: `query Q { __typename } ${LOGIN.replace('mutation', 'mutation M')}`, operationName: 'M' },
        expect: { refused: noMutation },
      };
    }
    if (kind === 'badVariables') return { ...base, label: 'GET with variables that are not JSON', query: { query: QUERY[endpoint], variables: '{"a":' }, expect: { refused: ['BAD_REQUEST'] } };
    if (kind === 'persisted') {
      return {
        ...base,
        label: 'GET with an unknown persisted-query hash',
        query: { extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } }) },
        expect: { refused: ['PERSISTED_QUERY_NOT_FOUND', 'BAD_REQUEST'] },
      };
    }
    if (kind === 'longUrl')
      return { ...base, label: 'GET with a 40 kB query string', query: { query: `{ ${'__typename '.repeat(3600)}}` }, expect: { refused: [431, 414, 'QUERY_LIMIT', 'BAD_REQUEST'] } };
    const method = kind === 'put' ? ('PUT' as const) : ('DELETE' as const);
    return { ...base, method, label: `${method} with a JSON body`, raw: JSON.stringify({ query: QUERY[endpoint] }), contentType: 'application/json', expect: { refused: ['BAD_REQUEST', 405] } };
  });
}
