import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { IsPastDate } from '../../common/validators';
import { EvaluationResult, EvaluationStatus } from './evaluation.enums';

@InputType()
export class ServiceEvaluationFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  compoundId?: string | null;

  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => ID, { nullable: true })
  propertyCompanyId?: string | null;

  @Field(() => [EvaluationStatus], { nullable: true })
  status?: EvaluationStatus[] | null;

  @Field(() => EvaluationResult, { nullable: true })
  result?: EvaluationResult | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;
}

@ArgsType()
export class UpdateServiceEvaluationArgs {
  @Field(() => ID, { nullable: true, description: 'Default: the compound’s company' })
  propertyCompanyId?: string | null;

  @Field(() => ID, { nullable: true })
  responsibleUnitId?: string;

  @Field(() => Int, { nullable: true })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => Int, { nullable: true })
  @IsInt()
  @Min(1)
  @Max(2)
  half?: number;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  evaluatedOn?: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100)
  satisfactionScore?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100)
  complianceScore?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100)
  civilisedCityScore?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100)
  sanitationScore?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @Min(0)
  @Max(100)
  hotlineScore?: number | null;

  @Field(() => Float, { nullable: true, description: '业主不满意率 (%)' })
  @Min(0)
  @Max(100)
  dissatisfactionRate?: number;

  @Field(() => EvaluationResult, { nullable: true })
  result?: EvaluationResult;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  followUp?: string | null;
}

@ArgsType()
export class CreateServiceEvaluationArgs extends UpdateServiceEvaluationArgs {
  @Field(() => ID)
  compoundId: string;

  @Field(() => ID)
  responsibleUnitId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  half: number;

  @Field(() => LocalDate)
  evaluatedOn: string;

  @Field(() => Float)
  dissatisfactionRate: number;

  @Field(() => EvaluationResult)
  result: EvaluationResult;
}
