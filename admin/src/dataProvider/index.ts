import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { onError } from '@apollo/client/link/error';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import buildGraphQLProvider from 'ra-data-graphql';
import type { DataProvider } from 'react-admin';
import schema from 'virtual:admin-introspection';
import { getOffice, getToken } from '../authProvider';
import { buildQueryFactory } from './buildQuery';
import { mutationNames, offers } from './capabilities';
import { toHttpError } from './errors';

/**
 * Sends the signed-in user's token with every request, and for a root user looking at one office
 * (the app bar's office picker) that office as X-Office: the API then answers and acts as a user of
 * that office would. The data provider, request() and gqlRequest() all go through here.
 */
const authLink = new ApolloLink((operation, forward) => {
  const token = getToken();
  const office = token ? getOffice() : null;
  if (token)
    operation.setContext(({ headers = {} }) => ({
      headers: { ...headers, authorization: `Bearer ${token}`, ...(office ? { 'x-office': office.id } : {}) },
    }));
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

const MUTATIONS = mutationNames(schema);

/**
 * authProvider.canAccess: a delete, create or edit only where the schema has its mutation
 * (capabilities.ts), so no screen offers what the API does not have; everything else is open here
 * (menus and routes follow the role, and the API decides who may do what).
 */
export const canAccess = async ({ action, resource }: { action: string; resource: string }): Promise<boolean> => offers(MUTATIONS, action, resource);

/** `variables` may be left out only when the operation has no required variable; NoInfer: their type comes from the document alone. */
type VariablesArgs<V> = Record<string, never> extends V ? [variables?: NoInfer<V>] : [variables: NoInfer<V>];

/**
 * For screens that go beyond plain lists and forms (rosters, succession, history): one of the
 * console's operations, a TypedDocumentNode from admin/src/graphql/generated.ts (written from the
 * *.graphql files beside the screens: `npm run admin:codegen`), so its variables and its answer are
 * typed. A query or a mutation as the document says.
 */
export async function request<R, V extends Record<string, unknown>>(doc: TypedDocumentNode<R, V>, ...[variables]: VariablesArgs<V>): Promise<R> {
  const mutation = doc.definitions.some((d) => d.kind === 'OperationDefinition' && d.operation === 'mutation');
  const res = await wrap(mutation ? client.mutate<R, V>({ mutation: doc, variables }) : client.query<R, V>({ query: doc, variables }));
  return res.data as R;
}

/**
 * An operation whose text is built at run time (a workflow's move: `advance<Type>` with the move's
 * fields), so it cannot be typed here; api/test/console-operations.test.ts validates every such
 * text the console can build against schema/admin.graphql.
 */
export function gqlRequest<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return request(gql(query) as TypedDocumentNode<T, Record<string, unknown>>, variables);
}
