import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { onError } from '@apollo/client/link/error';
import buildGraphQLProvider from 'ra-data-graphql';
import type { DataProvider } from 'react-admin';
import schema from 'virtual:admin-introspection';
import { getToken } from '../authProvider';
import { buildQueryFactory } from './buildQuery';
import { toHttpError } from './errors';

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
