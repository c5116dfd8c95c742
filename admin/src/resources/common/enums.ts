import type { IntrospectionEnumType } from 'graphql';
import schema from 'virtual:admin-introspection';

/** Choices for an enum of the API, labelled through i18n (enums.<Enum>.<VALUE>). */
export function enumChoices(name: string): Array<{ id: string; name: string }> {
  const type = schema.types.find((t) => t.name === name) as IntrospectionEnumType | undefined;
  if (!type) throw new Error(`The API has no enum ${name}`);
  return type.enumValues.map((v) => ({ id: v.name, name: `enums.${name}.${v.name}` }));
}
