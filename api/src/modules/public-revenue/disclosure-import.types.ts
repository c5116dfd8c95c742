import { IsInt, IsOptional, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';
import { ImportCounts, ImportFieldChange, ImportRow } from '../../common/sheet-import/sheet-import.types';
import { DisclosureStatus } from './public-revenue.rules';

/*
 * The transport limits below are generous on purpose: a cell longer than its column is a row
 * rejected as TOO_LONG (counted as MySQL counts), with the column named, not a refused request.
 */

/** One row of a disclosure sheet as typed (disclosure.sheet.ts says the columns). */
@InputType({ description: 'A 公共收益公示台账 row (社区, 小区, 年度, 季度, 公示日期, 公示佐证, 公示内容) as typed' })
export class DisclosureSheetRowInput {
  @Field(() => Int, { description: 'The row number in the sheet, for messages' })
  @IsInt()
  @Min(1)
  line: number;

  @Field(() => String, { nullable: true, description: '社区 (blank: the row above’s)' })
  @IsOptional()
  @MaxLength(200)
  community?: string | null;

  @Field(() => String, { nullable: true, description: '小区' })
  @IsOptional()
  @MaxLength(400)
  compound?: string | null;

  @Field(() => String, { nullable: true, description: '年度: 2025 or 2025年' })
  @IsOptional()
  @MaxLength(20)
  year?: string | null;

  @Field(() => String, { nullable: true, description: '季度: 1–4, Q1, 第一季度' })
  @IsOptional()
  @MaxLength(20)
  quarter?: string | null;

  @Field(() => String, { nullable: true, description: '公示日期: 2025-04-20, 2025/4/20 or 2025年4月20日' })
  @IsOptional()
  @MaxLength(50)
  disclosedOn?: string | null;

  @Field(() => String, { nullable: true, description: '公示佐证: where it was posted, or a link' })
  @IsOptional()
  @MaxLength(2000)
  evidence?: string | null;

  @Field(() => String, { nullable: true, description: '公示内容 (blank: leaves what is recorded)' })
  @IsOptional()
  @MaxLength(4000)
  summary?: string | null;
}

@ObjectType({
  implements: ImportRow,
  description:
    'What one disclosure sheet row will do (or did). reasonCode: why it is rejected (COMPOUND_REQUIRED, YEAR_REQUIRED, QUARTER_REQUIRED, DISCLOSED_ON_REQUIRED, EVIDENCE_REQUIRED, BAD_YEAR, BAD_QUARTER, BAD_DATE, DATE_OUT_OF_RANGE, TOO_LONG, CONTROL_CHARACTER, COMMUNITY_REQUIRED, UNKNOWN_COMMUNITY, COMPOUND_NOT_FOUND, AMBIGUOUS_COMPOUND, OUT_OF_SCOPE, FUTURE_DATE, BEFORE_QUARTER_END, DUPLICATE_ROW), or a note (LATE: disclosed after its due day)',
})
export class DisclosureImportRow extends ImportRow {
  @Field(() => String, { nullable: true })
  community: string | null;

  @Field(() => String, { nullable: true })
  compound: string | null;

  @Field(() => Int, { nullable: true })
  year: number | null;

  @Field(() => Int, { nullable: true })
  quarter: number | null;

  @Field(() => LocalDate, { nullable: true })
  disclosedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Due by the end of the first month of the next quarter' })
  dueOn: string | null;

  @Field(() => DisclosureStatus, { nullable: true, description: 'ON_TIME or LATE, as disclosed on the row’s day' })
  disclosureStatus: DisclosureStatus | null;

  @Field(() => [ImportFieldChange], { description: 'For CHANGE: each field that changes' })
  changes: ImportFieldChange[];

  @Field(() => ID, { nullable: true, description: 'The compound' })
  compoundId: string | null;

  @Field(() => ID, { nullable: true, description: 'The disclosure it changes or created' })
  disclosureId: string | null;
}

@ObjectType({ implements: ImportCounts, description: 'The outcome of a disclosure import (a preview when committed is false)' })
export class DisclosureImportResult extends ImportCounts {
  @Field(() => [DisclosureImportRow])
  rows: DisclosureImportRow[];

  @Field(() => Int, { description: 'Rows that import a disclosure made after its due day' })
  late: number;

  @Field(() => Int, { description: 'Compounds the rows name (through rows that import)' })
  compounds: number;
}
