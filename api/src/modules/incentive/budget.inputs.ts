import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { IsYuan } from '../../common/money';
import { yuan } from './incentive.inputs';

@InputType()
export class BudgetFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  programmeId?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;
}

@ArgsType()
export class UpdateIncentiveBudgetArgs {
  @Field(() => ID, { nullable: true })
  programmeId?: string;

  @Field(() => Int, { nullable: true })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => String, { nullable: true, description: yuan })
  @IsYuan()
  amount?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;
}

@ArgsType()
export class CreateIncentiveBudgetArgs extends UpdateIncentiveBudgetArgs {
  @Field(() => ID)
  programmeId: string;

  @Field(() => Int)
  year: number;

  @Field(() => String, { description: yuan })
  amount: string;
}
