import { IsOptional, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { IsPastDate, NotBlank } from '../../common/validators';
import { Comparator, ComputedMeasure, IndicatorUnit } from './indicator.entities';

@InputType()
export class IndicatorFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  scopeId?: string | null;

  @Field(() => ID, { nullable: true })
  sourceDocumentId?: string | null;
}

@ArgsType()
export class UpdateIndicatorArgs {
  @Field(() => String, { nullable: true })
  @NotBlank('name')
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  printed?: string | null;

  @Field(() => IndicatorUnit, { nullable: true })
  unit?: IndicatorUnit;

  @Field(() => Comparator, { nullable: true })
  comparator?: Comparator;

  @Field(() => Float, { nullable: true, description: 'Percent as 60 (0–100); a count as a whole number' })
  @Min(0)
  target?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  deadlineText?: string | null;

  @Field(() => LocalDate, { nullable: true })
  deadline?: string | null;

  @Field(() => ID, { nullable: true })
  scopeId?: string;

  @Field(() => ComputedMeasure, { nullable: true })
  computed?: ComputedMeasure | null;

  @Field(() => Boolean, { nullable: true, description: '每个小区: the target holds for every compound' })
  perCompound?: boolean;

  @Field(() => ID, { nullable: true })
  sourceDocumentId?: string | null;

  @Field(() => ID, { nullable: true })
  sourceClauseId?: string | null;
}

@ArgsType()
export class CreateIndicatorArgs extends UpdateIndicatorArgs {
  @Field()
  name: string;

  @Field(() => IndicatorUnit)
  unit: IndicatorUnit;

  @Field(() => Comparator)
  comparator: Comparator;

  @Field(() => Float)
  target: number;

  @Field(() => ID)
  scopeId: string;
}

@InputType()
export class IndicatorMeasurementFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  indicatorId?: string | null;

  @Field(() => ID, { nullable: true })
  jurisdictionId?: string | null;

  @Field(() => ID, { nullable: true })
  compoundId?: string | null;
}

@ArgsType()
export class UpdateIndicatorMeasurementArgs {
  @Field(() => ID, { nullable: true })
  indicatorId?: string;

  @Field(() => ID, { nullable: true, description: 'Where it was measured; for a per-compound indicator, the compound’s community (taken from compoundId)' })
  jurisdictionId?: string;

  @Field(() => ID, { nullable: true, description: 'The compound measured: required for a per-compound indicator (每个小区), refused for others' })
  compoundId?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  measuredOn?: string;

  @Field(() => Float, { nullable: true })
  @Min(0)
  value?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;
}

@ArgsType()
export class CreateIndicatorMeasurementArgs extends UpdateIndicatorMeasurementArgs {
  @Field(() => ID)
  indicatorId: string;

  @Field(() => LocalDate)
  @IsPastDate()
  measuredOn: string;

  @Field(() => Float)
  value: number;
}
