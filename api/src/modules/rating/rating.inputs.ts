import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { NotBlank } from '../../common/validators';
import { RatedSubjectKind, RatingPeriodKind } from './rating.enums';

@InputType({ description: 'One criterion of a scheme' })
export class CriterionInput {
  @Field({ description: 'Stable code; criteria are matched by it when a scheme is edited' })
  @NotBlank('code')
  @MaxLength(40)
  code: string;

  @Field()
  @NotBlank('name')
  @MaxLength(200)
  name: string;

  @Field(() => Int, { description: 'Percent; a scheme’s weights add up to 100' })
  @IsInt()
  @Min(1)
  @Max(100)
  weight: number;

  @Field(() => Int, { nullable: true, description: 'Default 100' })
  @IsInt()
  @Min(1)
  @Max(1000)
  maxScore?: number;

  @Field(() => ID, { nullable: true })
  sourceDocumentId?: string | null;

  @Field(() => ID, { nullable: true })
  sourceClauseId?: string | null;
}

@InputType()
export class RatingSchemeFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true, description: 'Records of this office only' })
  jurisdictionId?: string | null;

  @Field(() => RatedSubjectKind, { nullable: true })
  subjectKind?: RatedSubjectKind | null;
}

@ArgsType()
export class UpdateRatingSchemeArgs {
  @Field(() => ID, { nullable: true, description: 'The issuing office; default: the office of the user who creates it' })
  jurisdictionId?: string | null;

  @Field(() => String, { nullable: true })
  @NotBlank('name')
  @MaxLength(200)
  name?: string;

  @Field(() => RatedSubjectKind, { nullable: true })
  subjectKind?: RatedSubjectKind;

  @Field(() => RatingPeriodKind, { nullable: true })
  periodKind?: RatingPeriodKind;

  @Field(() => Float, { nullable: true })
  @Min(0)
  @Max(100)
  star2Min?: number;

  @Field(() => Float, { nullable: true })
  @Min(0)
  @Max(100)
  star3Min?: number;

  @Field(() => Float, { nullable: true })
  @Min(0)
  @Max(100)
  star4Min?: number;

  @Field(() => Float, { nullable: true })
  @Min(0)
  @Max(100)
  star5Min?: number;

  @Field(() => Int, { nullable: true })
  @IsInt()
  @Min(1)
  @Max(5)
  redMinStars?: number | null;

  @Field(() => Int, { nullable: true })
  @IsInt()
  @Min(1)
  @Max(5)
  blackMaxStars?: number | null;

  @Field(() => Float, { nullable: true })
  @Min(0)
  @Max(100)
  blackDissatisfactionOver?: number | null;

  @Field({ nullable: true })
  blackOnNegativeList?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  notes?: string | null;

  @Field(() => ID, { nullable: true })
  sourceDocumentId?: string | null;

  @Field(() => ID, { nullable: true })
  sourceClauseId?: string | null;

  @Field(() => [CriterionInput], { nullable: true, description: 'All criteria (replaces them; matched by code)' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(30)
  criteria?: CriterionInput[];
}

@ArgsType()
export class CreateRatingSchemeArgs extends UpdateRatingSchemeArgs {
  @Field()
  name: string;

  @Field(() => RatedSubjectKind)
  subjectKind: RatedSubjectKind;

  @Field(() => RatingPeriodKind)
  periodKind: RatingPeriodKind;

  @Field(() => Float)
  star2Min: number;

  @Field(() => Float)
  star3Min: number;

  @Field(() => Float)
  star4Min: number;

  @Field(() => Float)
  star5Min: number;

  @Field(() => [CriterionInput])
  criteria: CriterionInput[];
}

@InputType()
export class RatingPeriodFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  schemeId?: string | null;
}

@ArgsType()
export class UpdateRatingPeriodArgs {
  @Field(() => String, { nullable: true, description: '2025Q1, 2025H2 …' })
  @NotBlank('code')
  @MaxLength(16)
  code?: string;

  @Field(() => LocalDate, { nullable: true })
  startDate?: string;

  @Field(() => LocalDate, { nullable: true })
  endDate?: string;
}

@ArgsType()
export class CreateRatingPeriodArgs extends UpdateRatingPeriodArgs {
  @Field(() => ID)
  schemeId: string;

  @Field()
  code: string;

  @Field(() => LocalDate)
  startDate: string;

  @Field(() => LocalDate)
  endDate: string;
}

@InputType({ description: 'A score on one criterion' })
export class ScoreInput {
  @Field(() => ID)
  criterionId: string;

  @Field(() => Float, { description: '0 to the criterion’s maxScore, two decimals at most' })
  @Min(0)
  score: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  evidence?: string | null;
}

@InputType()
export class RatingFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  periodId?: string | null;

  @Field(() => ID, { nullable: true })
  propertyCompanyId?: string | null;
}

@ArgsType()
export class UpdateRatingArgs {
  @Field(() => Float, { nullable: true, description: '业主不满意率, percent' })
  @Min(0)
  @Max(100)
  dissatisfactionRate?: number | null;

  @Field({ nullable: true })
  onNegativeList?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  negativeListNote?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  note?: string | null;

  @Field(() => [ScoreInput], { nullable: true, description: 'Scores to set (matched by criterion; criteria not listed keep their score)' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(30)
  scores?: ScoreInput[];
}

@ArgsType()
export class CreateRatingArgs extends UpdateRatingArgs {
  @Field(() => ID)
  periodId: string;

  @Field(() => ID, { nullable: true, description: 'For a property-company scheme' })
  propertyCompanyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For a party-branch scheme' })
  partyOrganizationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'For an owners’-committee scheme' })
  ownersCommitteeId?: string | null;

  @Field(() => String, { nullable: true, description: 'For managers and guards: the name rated' })
  @IsOptional()
  @MaxLength(200)
  subjectName?: string | null;
}
