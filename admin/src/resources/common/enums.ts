import type { IntrospectionEnumType, IntrospectionField, IntrospectionNamedTypeRef, IntrospectionType } from 'graphql';
import schema from 'virtual:admin-introspection';
import { unwrap } from '../../dataProvider/buildQuery';

/*
 * What the console knows of the API's types comes from its introspection (built from
 * schema/admin.graphql, see vite.config.mts): enum fields and references are read there, not kept by hand.
 */
const TYPES = new Map<string, IntrospectionType>(schema.types.map((t) => [t.name, t]));
/** The type a field takes, lists and non-null aside. */
export const named = (f: IntrospectionField) => unwrap(f.type) as IntrospectionNamedTypeRef;

/** The fields of an object type of the API (none for a name that is not one). */
export function fieldsOf(typeName: string): readonly IntrospectionField[] {
  const type = TYPES.get(typeName);
  return type?.kind === 'OBJECT' ? type.fields : [];
}

/** Choices for an enum of the API, labelled through i18n (enums.<Enum>.<VALUE>). */
export function enumChoices(name: string): Array<{ id: string; name: string }> {
  const type = TYPES.get(name) as IntrospectionEnumType | undefined;
  if (type?.kind !== 'ENUM') throw new Error(`The API has no enum ${name}`);
  return type.enumValues.map((v) => ({ id: v.name, name: `enums.${name}.${v.name}` }));
}

/** The enum a field of a type takes, if its type is one (Payout.status → PayoutStatus). */
export function enumOf(typeName: string, field: string): string | undefined {
  const f = fieldsOf(typeName).find((x) => x.name === field);
  return f && named(f).kind === 'ENUM' ? named(f).name : undefined;
}

/** The owning office's column (issue 14) names a Jurisdiction, also on types that carry no object field for it (PolicyDocument.jurisdictionId). */
const OWNER_COLUMNS = new Set(['jurisdictionId', 'ownerJurisdictionId']);

/**
 * The type an `xId` field refers to: the type of the object field `x` beside it (Payout.caseId →
 * Payout.case: AwardCase), or Jurisdiction for an owner column. Undefined for any other field.
 */
export function referenceOf(typeName: string, field: string): string | undefined {
  if (!field.endsWith('Id')) return undefined;
  const fields = fieldsOf(typeName);
  const f = fields.find((x) => x.name === field.slice(0, -2));
  if (f) return named(f).kind === 'OBJECT' ? named(f).name : undefined;
  return OWNER_COLUMNS.has(field) && fields.some((x) => x.name === field) ? 'Jurisdiction' : undefined;
}
