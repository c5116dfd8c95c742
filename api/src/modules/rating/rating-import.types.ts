import { ArrayMaxSize, IsInt, IsOptional, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { ImportCounts, ImportRow } from '../../common/sheet-import/sheet-import.types';
import { ListStatus } from './rating.enums';

@InputType({ description: 'One score cell of a rating sheet row' })
export class RatingSheetCellInput {
  @Field({ description: 'The column header: a criterion’s code or name' })
  @MaxLength(200)
  criterion: string;

  @Field(() => String, { nullable: true, description: 'As typed; blank leaves the score as it is' })
  @IsOptional()
  @MaxLength(20)
  score?: string | null;
}

@InputType({ description: 'A row of a rating sheet (统一社会信用代码 / 名称 / one column per criterion / 业主不满意率 / 负面清单), as typed' })
export class RatingSheetRowInput {
  @Field(() => Int, { description: 'The row number in the sheet, for messages' })
  @IsInt()
  @Min(1)
  line: number;

  @Field(() => String, { nullable: true, description: '统一社会信用代码 (property-company schemes)' })
  @IsOptional()
  @MaxLength(40)
  uscc?: string | null;

  @Field(() => String, { nullable: true, description: '名称: the subject for other schemes; checked against nothing for companies' })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  @Field(() => [RatingSheetCellInput])
  @ValidateNested({ each: true })
  @ArrayMaxSize(50)
  scores: RatingSheetCellInput[];

  @Field(() => String, { nullable: true, description: '业主不满意率 in percent, e.g. 62.5 or 62.5%; blank leaves what is recorded' })
  @IsOptional()
  @MaxLength(20)
  dissatisfactionRate?: string | null;

  @Field(() => String, { nullable: true, description: '负面清单: 是 / 否; blank leaves what is recorded (否 for a new rating)' })
  @IsOptional()
  @MaxLength(10)
  negativeList?: string | null;

  @Field(() => String, { nullable: true, description: '负面清单说明' })
  @IsOptional()
  @MaxLength(1000)
  negativeListNote?: string | null;
}

@ObjectType({
  implements: ImportRow,
  description:
    'What one rating sheet row will do (or did). reasonCode (rejected): USCC_REQUIRED, BAD_USCC, UNKNOWN_COMPANY, NAME_REQUIRED, UNKNOWN_SUBJECT, UNSUPPORTED_SUBJECT, DUPLICATE_ROW, UNKNOWN_CRITERION, BAD_SCORE, SCORE_OUT_OF_RANGE, BAD_RATE, BAD_FLAG',
})
export class RatingImportRow extends ImportRow {
  @Field(() => String, { nullable: true })
  subjectName: string | null;

  @Field(() => String, { nullable: true })
  uscc: string | null;

  @Field(() => Float, { nullable: true, description: 'The total the row comes to (computed)' })
  total: number | null;

  @Field(() => Int, { nullable: true })
  stars: number | null;

  @Field(() => ListStatus, { nullable: true })
  listStatus: ListStatus | null;
}

@ObjectType({ implements: ImportCounts, description: 'The outcome of a rating-sheet import (a preview when committed is false)' })
export class RatingImportResult extends ImportCounts {
  @Field(() => [RatingImportRow])
  rows: RatingImportRow[];
}
