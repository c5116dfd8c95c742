import { IsInt, IsOptional, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ImportCounts, ImportFieldChange, ImportRow } from '../../common/sheet-import/sheet-import.types';
import { ROLE_LABEL } from './enums';

/** One row of an office's roster sheet: 姓名 / 职务 / 组内职务 / 顺序, as typed. */
@InputType({ description: 'A roster sheet row (姓名, 职务, 组内职务, 顺序) as typed in the sheet' })
export class RosterRowInput {
  @Field(() => Int, { description: 'The row number in the sheet, for messages' })
  @IsInt()
  @Min(1)
  line: number;

  @Field(() => String, { nullable: true, description: '姓名' })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: '职务' })
  @IsOptional()
  @MaxLength(200)
  post?: string | null;

  @Field(() => String, { nullable: true, description: `组内职务: ${Object.values(ROLE_LABEL).join(', ')}, the English label (Leader…) or the GroupRole code` })
  @IsOptional()
  @MaxLength(50)
  role?: string | null;

  @Field(() => String, { nullable: true, description: '顺序: a whole number from 1; empty = after the last' })
  @IsOptional()
  @MaxLength(20)
  order?: string | null;
}

@ObjectType({
  implements: ImportRow,
  description:
    'What one roster sheet row will do (or did). reasonCode: why it is rejected (NAME_REQUIRED, UNKNOWN_ROLE, BAD_ORDER, DUPLICATE_ROW, AMBIGUOUS_PERSON, AMBIGUOUS_POST), or a note (NEW_PERSON, NEW_POST)',
})
export class RosterRowResult extends ImportRow {
  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  post: string | null;

  @Field(() => String, { nullable: true, description: 'The role as a GroupRole value, when recognised' })
  role: string | null;

  @Field(() => Int, { nullable: true })
  order: number | null;

  @Field(() => [ImportFieldChange], { description: 'For CHANGE: each field that changes' })
  changes: ImportFieldChange[];

  @Field(() => ID, { nullable: true, description: 'The seat it changes or created' })
  membershipId: string | null;
}

@ObjectType({ implements: ImportCounts, description: 'The outcome of a roster import (a preview when committed is false)' })
export class RosterImportResult extends ImportCounts {
  @Field(() => [RosterRowResult])
  rows: RosterRowResult[];
}
