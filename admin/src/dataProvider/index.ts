import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { onError } from '@apollo/client/link/error';
import type { GraphQLFormattedError } from 'graphql';
import buildGraphQLProvider from 'ra-data-graphql';
import { type DataProvider, HttpError } from 'react-admin';
import schema from 'virtual:admin-introspection';
import { getToken } from '../authProvider';
import { buildQueryFactory } from './buildQuery';

/** Sends the signed-in user's token with every request. */
const authLink = new ApolloLink((operation, forward) => {
  const token = getToken();
  if (token) operation.setContext(({ headers = {} }) => ({ headers: { ...headers, authorization: `Bearer ${token}` } }));
  return forward(operation);
});

export const client = new ApolloClient({
  link: ApolloLink.from([onError(() => undefined), authLink, new HttpLink({ uri: '/graphql' })]),
  cache: new InMemoryCache(),
  defaultOptions: { query: { fetchPolicy: 'network-only' }, watchQuery: { fetchPolicy: 'network-only' } },
});

/**
 * Turns a GraphQL error into what react-admin understands: BAD_USER_INPUT with a field becomes an
 * HttpError whose body.errors puts the message next to the field; UNAUTHENTICATED becomes 401 so the
 * authProvider sends the user to the login page; FORBIDDEN is 403.
 */
/** Server messages (English) that the console shows in the user's language. */
const KNOWN_MESSAGES: Array<[RegExp, string]> = [
  [/cannot be before/, 'app.validation.end_before_start'],
  [/already exists/, 'app.errors.duplicate'],
  [/unified social credit code/, 'app.validation.uscc'],
  [/cannot be empty|is required/, 'ra.validation.required'],
  [/: no \w+ with id/, 'app.errors.unknown_reference'],
  [/still referenced/, 'app.errors.still_referenced'],
];
const CODE_MESSAGES: Record<string, string> = {
  FORBIDDEN: 'app.errors.forbidden',
  UNAUTHENTICATED: 'app.auth.session_expired',
  NOT_FOUND: 'app.errors.not_found',
  INTERNAL_SERVER_ERROR: 'app.errors.internal',
};
const localise = (message: string) => KNOWN_MESSAGES.find(([re]) => re.test(message))?.[1] ?? message;

export function toHttpError(error: unknown): unknown {
  // ra-data-graphql wraps Apollo's error in an HttpError whose body is the original error.
  const source = ((error as { body?: unknown })?.body ?? error) as {
    graphQLErrors?: GraphQLFormattedError[];
    networkError?: { result?: { errors?: GraphQLFormattedError[] } };
  };
  const gqlErrors = source?.graphQLErrors?.length ? source.graphQLErrors : (source?.networkError?.result?.errors ?? []);
  const first = gqlErrors[0];
  if (!first) return error;
  const code = first.extensions?.code as string | undefined;
  const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'NOT_FOUND' ? 404 : code === 'CONFLICT' ? 409 : 400;
  const errors: Record<string, string> = {};
  const fields = (first.extensions?.fields as Array<{ field: string; messages: string[] }> | undefined) ?? [];
  for (const f of fields) errors[f.field] = localise(f.messages[0]);
  const field = first.extensions?.field as string | undefined;
  if (field && !errors[field]) errors[field] = localise(first.message);
  const message = (code && CODE_MESSAGES[code]) || localise(first.message);
  return new HttpError(message, status, Object.keys(errors).length ? { errors, code } : { code });
}

const graphqlProvider = buildGraphQLProvider({
  client,
  introspection: { schema } as never,
  buildQuery: buildQueryFactory,
});

const wrap = <T>(p: Promise<T>): Promise<T> => p.catch((e) => Promise.reject(toHttpError(e)));

/** The data provider: ra-data-graphql with our buildQuery; bulk deletes run one delete each. */
export const dataProvider: DataProvider = {
  getList: (r, p) => wrap(graphqlProvider.getList(r, p)),
  getOne: (r, p) => wrap(graphqlProvider.getOne(r, p)),
  getMany: (r, p) => wrap(graphqlProvider.getMany(r, p)),
  getManyReference: (r, p) => wrap(graphqlProvider.getManyReference(r, p)),
  create: (r, p) => wrap(graphqlProvider.create(r, p)),
  update: (r, p) => wrap(graphqlProvider.update(r, p)),
  delete: (r, p) => wrap(graphqlProvider.delete(r, p)),
  updateMany: async (r, p) => {
    const results = await Promise.all(p.ids.map((id) => wrap(graphqlProvider.update(r, { id, data: p.data, previousData: {} as never }))));
    return { data: results.map((x) => x.data.id) };
  },
  deleteMany: async (r, p) => {
    for (const id of p.ids) await wrap(graphqlProvider.delete(r, { id }));
    return { data: p.ids };
  },
};

/** For screens that go beyond plain lists and forms (rosters, succession, history). */
export async function gqlRequest<T>(query: string, variables: Record<string, unknown> = {}, mutation = false): Promise<T> {
  const doc = gql(query);
  const res = await wrap(mutation ? client.mutate({ mutation: doc, variables }) : client.query({ query: doc, variables }));
  return res.data as T;
}
