import { registerEnumType } from 'type-graphql';
import type { EntityManager, ObjectLiteral } from 'typeorm';
import type { Actor } from '../../common/context';
import { ownership } from '../../common/scope';

/**
 * A kind of record files may be attached to. Who may attach is the scope rule's answer for the
 * record (common/scope.ts: an attachment is read and written as its record is); `guard` adds what the
 * record's own service adds for its writes (unit staff report only on their own unit's assignments).
 */
export interface Attachable {
  /** The GraphQL type's name, as the attachment's targetType holds it. */
  name: string;
  entity: Function;
  /** Refuses (a coded FORBIDDEN) an attachment the record's own rules would not let this user add or remove. */
  guard?: (em: EntityManager, record: ObjectLiteral, actor: Actor) => Promise<void>;
}

const REGISTRY = new Map<string, Attachable>();

/** The types files may be attached to, as a GraphQL enum (values added by `defineAttachable`, before the schema is built). */
export const AttachmentTarget: Record<string, string> = {};
registerEnumType(AttachmentTarget, { name: 'AttachmentTarget', description: 'The kinds of record files may be attached to' });

/**
 * Lets files be attached to records of a type, in one line of the type's module (its index.ts):
 * `defineAttachable('RevenueDisclosure', RevenueDisclosure)`. The type must be owned (@Owned): its
 * owner decides who reads and writes its attachments. The type gets `attachments` and
 * `attachmentNames` in the schema (attachment.resolver.ts).
 */
export function defineAttachable<T extends ObjectLiteral>(name: string, entity: new () => T, guard?: (em: EntityManager, record: T, actor: Actor) => Promise<void>): void {
  if (!/^[A-Z][A-Za-z0-9]{0,31}$/.test(name)) throw new Error(`defineAttachable: "${name}" is not a type name`);
  if (!ownership(entity)) throw new Error(`defineAttachable: ${name} is not owned (@Owned), so nobody could say who reads its attachments`);
  if (REGISTRY.has(name)) throw new Error(`defineAttachable: ${name} is defined twice`);
  REGISTRY.set(name, { name, entity, guard: guard as Attachable['guard'] });
  AttachmentTarget[name] = name;
}

export const attachable = (name: string): Attachable | undefined => REGISTRY.get(name);
export const attachables = (): Attachable[] => [...REGISTRY.values()];
/** The parents' types by name, for the scope rule (Attachment's @OwnedByParent). */
export const attachableParents = (): ReadonlyMap<string, Function> => new Map([...REGISTRY].map(([name, a]) => [name, a.entity]));
