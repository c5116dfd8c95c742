/*
 * What the console offers on a resource follows what the API has: a 删除 only where the schema has
 * delete<Type>, a 新建 only where it has create<Type> (or the resource's own making mutation), an
 * edit only where it has update<Type>. react-admin asks authProvider.canAccess before it draws an
 * edit form's delete button, a list's bulk delete and checkboxes, a create or edit button and before
 * it opens those pages; the console answers from the schema it was built with (the build-time
 * introspection, admin/vite.config.mts). The API refuses by role as before: this is about what exists.
 */

/** Resources whose records are made by a mutation of their own, which their create screen sends (not create<Type>). */
export const MADE_BY: Readonly<Record<string, string>> = { PartnerKey: 'issuePartnerKey' };

/** The mutation behind a react-admin action on a resource; undefined for an action that sends none (list, show, export). */
export function mutationFor(action: string, resource: string): string | undefined {
  switch (action) {
    case 'delete':
      return `delete${resource}`;
    case 'create':
      return MADE_BY[resource] ?? `create${resource}`;
    case 'edit':
      return `update${resource}`;
    default:
      return undefined;
  }
}

/** Whether the console offers `action` on `resource`, given the names of the schema's mutations. */
export function offers(mutations: ReadonlySet<string>, action: string, resource: string): boolean {
  const mutation = mutationFor(action, resource);
  return mutation === undefined || mutations.has(mutation);
}

/** The names of the Mutation type's fields in an introspection result. */
export function mutationNames(schema: { mutationType?: { name: string } | null; types: ReadonlyArray<{ name: string; kind: string; fields?: ReadonlyArray<{ name: string }> | null }> }): Set<string> {
  const type = schema.types.find((t) => t.name === (schema.mutationType?.name ?? 'Mutation'));
  return new Set((type?.fields ?? []).map((f) => f.name));
}
