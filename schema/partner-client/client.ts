/**
 * A tiny typed client for the partner API: global fetch (Node >= 18) and graphql's print. Result and
 * variable types come from the TypedDocumentNode constants in generated.ts.
 */
import { print } from 'graphql';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** One entry of a GraphQL response's `errors`. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: { code?: string; [key: string]: unknown };
}

/** A refused or failed request: the server's `extensions.code` and the HTTP status. */
export class PartnerApiError extends Error {
  constructor(
    message: string,
    /** extensions.code of the first GraphQL error (UNAUTHENTICATED, BAD_USER_INPUT…), or HTTP_<status> / NO_DATA */
    readonly code: string,
    /** HTTP status of the response */
    readonly status: number,
    readonly errors: readonly GraphQLErrorEntry[] = [],
  ) {
    super(message);
    this.name = 'PartnerApiError';
  }
}

export interface ClientOptions {
  /** The partner endpoint, e.g. http://localhost:4000/partner/graphql */
  url: string;
  /** The key the office issued (sent as X-Api-Key) */
  apiKey: string;
  timeoutMs?: number;
}

/**
 * `vars` may be left out only when the operation has no required variable. NoInfer: TVars comes from
 * the document alone; were it also inferred from `vars`, unknown variables would compile.
 */
type VariablesArgs<TVars> = Record<string, never> extends TVars ? [vars?: NoInfer<TVars>] : [vars: NoInfer<TVars>];

/** A request function bound to one endpoint and key. */
export function createClient({ url, apiKey, timeoutMs = 10_000 }: ClientOptions) {
  const printed = new WeakMap<object, string>();

  return async function request<TResult, TVars extends Record<string, unknown>>(doc: TypedDocumentNode<TResult, TVars>, ...[vars]: VariablesArgs<TVars>): Promise<TResult> {
    let query = printed.get(doc);
    if (query === undefined) printed.set(doc, (query = print(doc)));

    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-api-key': apiKey },
      body: JSON.stringify({ query, variables: vars ?? {} }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    let body: { data?: TResult | null; errors?: GraphQLErrorEntry[] } | undefined;
    try {
      body = (await res.json()) as typeof body;
    } catch {
      body = undefined; // not JSON: a proxy's error page, say
    }

    if (body?.errors?.length) {
      const code = body.errors[0].extensions?.code;
      throw new PartnerApiError(body.errors.map((e) => e.message).join('; '), typeof code === 'string' ? code : 'GRAPHQL_ERROR', res.status, body.errors);
    }
    if (!res.ok) throw new PartnerApiError(`HTTP ${res.status} ${res.statusText}`, `HTTP_${res.status}`, res.status);
    if (body?.data == null) throw new PartnerApiError('The response has no data', 'NO_DATA', res.status);
    return body.data;
  };
}

export type PartnerRequest = ReturnType<typeof createClient>;
