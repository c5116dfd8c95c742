import { Field, Int, InterfaceType, ObjectType, registerEnumType } from 'type-graphql';

/** What importing a sheet row does (or did). */
export enum ImportRowStatus {
  ADD = 'ADD',
  CHANGE = 'CHANGE',
  UNCHANGED = 'UNCHANGED',
  REJECT = 'REJECT',
}
registerEnumType(ImportRowStatus, { name: 'ImportRowStatus', description: 'What importing a sheet row does' });

/**
 * What every sheet import says about a row besides its own columns: an interface each import's row
 * type implements (and extends, for its fields), so clients read these fields with one fragment.
 */
@InterfaceType('ImportRow', { description: 'What every sheet import says about a row besides its own columns' })
export abstract class ImportRow {
  @Field(() => Int, { description: 'The row number in the sheet' })
  line: number;

  @Field(() => ImportRowStatus)
  status: ImportRowStatus;

  @Field(() => String, { nullable: true, description: 'Why the row is rejected, or a note on a row that imports (the codes are listed on the import’s row type)' })
  reasonCode: string | null;

  @Field(() => String, { nullable: true, description: 'The same in English, for logs and API users' })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'The input at fault, e.g. role, cells.3 or scores.2.score' })
  field: string | null;
}

/**
 * What every sheet import answers besides its rows: whether it was written and how many rows add,
 * change, stay or are rejected. An interface, like ImportRow.
 */
@InterfaceType('ImportCounts', { description: 'What every sheet import answers besides its rows: written or not, and how many rows add, change, stay or are rejected' })
export abstract class ImportCounts {
  @Field({ description: 'False for a preview; true once written' })
  committed: boolean;

  @Field(() => Int)
  added: number;

  @Field(() => Int)
  changed: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => Int, { description: 'While any row is rejected, nothing can be imported' })
  rejected: number;
}

/** One field a sheet row changes (every import's rows and groups say what they change the same way). */
@ObjectType({ description: 'One field a sheet row changes: its name, and its value before and after (as text)' })
export class ImportFieldChange {
  @Field({ description: 'The field, as the import’s row type names it' })
  field: string;

  @Field(() => String, { nullable: true })
  from: string | null;

  @Field(() => String, { nullable: true })
  to: string | null;
}

/** A change of one field, values as text (null stays null). */
export const fieldChange = (field: string, from: unknown, to: unknown): ImportFieldChange => ({ field, from: from == null ? null : String(from), to: to == null ? null : String(to) });
