import { gql } from '@apollo/client';
import type { IntrospectionField, IntrospectionInputValue, IntrospectionObjectType, IntrospectionType, IntrospectionTypeRef } from 'graphql';
import type { BuildQueryFactory, BuildQueryResult, IntrospectionResult } from 'ra-data-graphql';
import { selectionFor } from './selections';

/*
 * Queries in the conventions of ra-data-graphql-simple, written here on top of ra-data-graphql:
 *   getList            allX(page, perPage, sortField, sortOrder, filter) + _allXMeta(filter) { count }
 *   getOne             X(id)
 *   getMany            allX(filter: { ids })
 *   getManyReference   allX(filter: { [target]: id, … }) + _allXMeta
 *   create / update    createX(…fields) / updateX(id, …changed fields)
 *   delete             deleteX(id)
 * ra-data-graphql-simple itself declares a peer of graphql ^15 and the API needs 16 (see README).
 */

/** The named type under NON_NULL and LIST wrappers. */
export const unwrap = (t: IntrospectionTypeRef): IntrospectionTypeRef => (t.kind === 'NON_NULL' || t.kind === 'LIST' ? unwrap((t as { ofType: IntrospectionTypeRef }).ofType) : t);

const printType = (t: IntrospectionTypeRef): string => {
  if (t.kind === 'NON_NULL') return `${printType((t as { ofType: IntrospectionTypeRef }).ofType)}!`;
  if (t.kind === 'LIST') return `[${printType((t as { ofType: IntrospectionTypeRef }).ofType)}]`;
  return (t as { name: string }).name;
};

/** The fields a record carries: scalars and enums (relations are read through their *Id fields). */
export function recordFields(type: IntrospectionObjectType): string[] {
  return type.fields.filter((f) => ['SCALAR', 'ENUM'].includes(unwrap(f.type).kind) && !f.args.some((a) => a.type.kind === 'NON_NULL')).map((f) => f.name);
}

function variableDefs(args: readonly IntrospectionInputValue[], present: string[]): string {
  const defs = args.filter((a) => present.includes(a.name)).map((a) => `$${a.name}: ${printType(a.type)}`);
  return defs.length ? `(${defs.join(', ')})` : '';
}

function argUse(args: readonly IntrospectionInputValue[], present: string[]): string {
  const used = args.filter((a) => present.includes(a.name)).map((a) => `${a.name}: $${a.name}`);
  return used.length ? `(${used.join(', ')})` : '';
}

type Types = Map<string, IntrospectionType>;

/**
 * A value in the shape of an argument's type. Input objects keep only their own fields, so a record's
 * nested rows (rule lines with id, amountFen…) can go back as input; a cleared optional text is null.
 */
function toInput(t: IntrospectionTypeRef, value: unknown, types: Types): unknown {
  if (t.kind === 'NON_NULL') return toInput((t as { ofType: IntrospectionTypeRef }).ofType, value, types);
  if (value === null || value === undefined) return value;
  if (t.kind === 'LIST') return Array.isArray(value) ? value.map((v) => toInput((t as { ofType: IntrospectionTypeRef }).ofType, v, types)) : value;
  const named = types.get((t as { name: string }).name);
  if (named?.kind !== 'INPUT_OBJECT' || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const f of named.inputFields) {
    if (!(f.name in (value as object))) continue;
    const v = (value as Record<string, unknown>)[f.name];
    out[f.name] = toInput(f.type, v === '' && f.type.kind !== 'NON_NULL' ? null : v, types);
  }
  return out;
}

/** Values in the shape the mutation's arguments take: references as ids, absent keys dropped. */
function mutationVariables(field: IntrospectionField, data: Record<string, unknown>, types: Types): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const arg of field.args) {
    if (!(arg.name in data)) continue;
    let value = data[arg.name];
    if (value === '' && arg.type.kind !== 'NON_NULL') value = null;
    if (value && typeof value === 'object' && !Array.isArray(value) && 'id' in value) value = (value as { id: unknown }).id;
    out[arg.name] = toInput(arg.type, value, types);
  }
  return out;
}

/** Only what changed, so the audit trail and the server see the edit, not the whole record. */
function changed(data: Record<string, unknown>, previous: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!previous) return data;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    if (JSON.stringify(v ?? null) !== JSON.stringify(previous[k] ?? null)) out[k] = v;
  }
  return out;
}

export const buildQueryFactory: BuildQueryFactory = (introspection: IntrospectionResult) => {
  // ra-data-graphql leaves Query and Mutation out of `types`; their fields are in `queries`.
  const types: Types = new Map<string, IntrospectionType>(introspection.schema.types.map((t) => [t.name, t]));
  const operations = new Map<string, IntrospectionField>(introspection.queries.map((q) => [(q as unknown as IntrospectionField).name, q as unknown as IntrospectionField]));
  const op = (name: string) => {
    const f = operations.get(name);
    if (!f) throw new Error(`The API has no operation ${name}`);
    return f;
  };
  const listOf = new Map<string, string>();
  for (const [name, f] of operations) {
    const t = unwrap(f.type);
    if (name.startsWith('all') && t.kind === 'OBJECT') listOf.set((t as { name: string }).name, name.slice(3));
  }

  // react-admin's params differ per fetch type (GetListParams, UpdateParams…); each branch below reads its own
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (raFetchType: string, resource: string, params: any): BuildQueryResult => {
    const type = types.get(resource) as IntrospectionObjectType | undefined;
    if (!type) throw new Error(`Unknown resource ${resource}`);
    const plural = listOf.get(resource) ?? `${resource}s`;
    const fields = `${recordFields(type).join(' ')} ${selectionFor(resource, ['GET_ONE', 'CREATE', 'UPDATE'].includes(raFetchType))}`;
    const listField = op(`all${plural}`);

    const list = (filter: Record<string, unknown>, withPaging: boolean) => {
      const variables: Record<string, unknown> = { filter };
      if (withPaging) {
        variables.page = params.pagination.page - 1;
        variables.perPage = params.pagination.perPage;
        if (params.sort?.field) {
          variables.sortField = params.sort.field;
          variables.sortOrder = params.sort.order;
        }
      }
      const present = Object.keys(variables);
      const meta = withPaging ? `total: _all${plural}Meta(filter: $filter) { count }` : '';
      return {
        query: gql`query ${`all${plural}`}${variableDefs(listField.args, present)} {
          items: all${plural}${argUse(listField.args, present)} { ${fields} }
          ${meta}
        }`,
        variables,
        parseResponse: (res: { data: { items: unknown[]; total?: { count: number } } }) => ({
          data: res.data.items,
          ...(withPaging ? { total: res.data.total?.count ?? 0 } : {}),
        }),
      };
    };

    switch (raFetchType) {
      case 'GET_LIST':
        return list(cleanFilter(params.filter), true);
      case 'GET_MANY':
        return list({ ids: params.ids }, false);
      case 'GET_MANY_REFERENCE':
        return list({ ...cleanFilter(params.filter), [params.target]: params.id }, true);
      case 'GET_ONE':
        return {
          query: gql`query ${resource}($id: ID!) { data: ${resource}(id: $id) { ${fields} } }`,
          variables: { id: params.id },
          parseResponse: (res: { data: { data: unknown } }) => ({ data: res.data.data }),
        };
      case 'CREATE':
      case 'UPDATE': {
        const name = `${raFetchType === 'CREATE' ? 'create' : 'update'}${resource}`;
        const field = op(name);
        const data = raFetchType === 'CREATE' ? params.data : changed(params.data, params.previousData);
        const variables = { ...mutationVariables(field, data, types), ...(raFetchType === 'UPDATE' ? { id: params.id } : {}) };
        const present = Object.keys(variables);
        return {
          query: gql`mutation ${name}${variableDefs(field.args, present)} { data: ${name}${argUse(field.args, present)} { ${fields} } }`,
          variables,
          parseResponse: (res: { data: { data: unknown } }) => ({ data: res.data.data }),
        };
      }
      case 'DELETE':
        return {
          query: gql`mutation delete${resource}($id: ID!) { data: delete${resource}(id: $id) { ${fields} } }`,
          variables: { id: params.id },
          parseResponse: (res: { data: { data: unknown } }) => ({ data: res.data.data }),
        };
      default:
        throw new Error(`${raFetchType} is not supported for ${resource}`);
    }
  };
};

/** react-admin sends '' for a cleared filter input; the API wants the key absent. */
function cleanFilter(filter: Record<string, unknown> = {}): Record<string, unknown> {
  return Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== '' && v !== undefined && v !== null));
}
