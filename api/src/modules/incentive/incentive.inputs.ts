import { ArrayMaxSize, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { IsYuan } from '../../common/money';
import { LocalDate } from '../../common/scalars';
import { IsPastDate, NotBlank } from '../../common/validators';
import { AwardCaseStatus, IncentiveTrigger, PayoutStatus, RecipientRole } from './incentive.enums';

export const yuan = 'Amount in yuan (元) with at most two decimals, e.g. "30000" or "30000.00"';

// ---- programmes -------------------------------------------------------------------------------

@InputType()
export class ProgrammeFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true, description: 'Records of this office only' })
  jurisdictionId?: string | null;

  @Field(() => IncentiveTrigger, { nullable: true })
  trigger?: IncentiveTrigger | null;
}

@ArgsType()
export class UpdateIncentiveProgrammeArgs {
  @Field(() => ID, { nullable: true, description: 'The office that runs it; default: the office of the user who creates it' })
  jurisdictionId?: string | null;

  @Field(() => String, { nullable: true })
  @NotBlank('name')
  @MaxLength(200)
  name?: string;

  @Field(() => IncentiveTrigger, { nullable: true })
  trigger?: IncentiveTrigger;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => ID, { nullable: true })
  sourceDocumentId?: string | null;

  @Field(() => ID, { nullable: true })
  sourceClauseId?: string | null;
}

@ArgsType()
export class CreateIncentiveProgrammeArgs extends UpdateIncentiveProgrammeArgs {
  @Field()
  name: string;

  @Field(() => IncentiveTrigger)
  trigger: IncentiveTrigger;
}

// ---- rules ------------------------------------------------------------------------------------

@InputType({ description: 'One recipient line of a rule' })
export class RuleLineInput {
  @Field(() => RecipientRole)
  recipientRole: RecipientRole;

  @Field(() => String, { nullable: true, description: `${yuan}; null when the document fixes no amount` })
  @IsYuan()
  amount?: string | null;

  @Field(() => String, { nullable: true, description: 'The amount as printed, e.g. 3万元' })
  @IsOptional()
  @MaxLength(100)
  printedAmount?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;
}

@InputType()
export class RuleFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  programmeId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Rules in force on this date' })
  inForceOn?: string | null;
}

@ArgsType()
export class UpdateIncentiveRuleArgs {
  @Field(() => ID, { nullable: true })
  programmeId?: string;

  @Field(() => String, { nullable: true })
  @NotBlank('name')
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  printed?: string | null;

  @Field(() => LocalDate, { nullable: true })
  validFrom?: string;

  @Field(() => LocalDate, { nullable: true })
  validTo?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  note?: string | null;

  @Field(() => ID, { nullable: true })
  sourceDocumentId?: string | null;

  @Field(() => ID, { nullable: true })
  sourceClauseId?: string | null;

  @Field(() => [RuleLineInput], { nullable: true, description: 'All lines of the rule (replaces them; lines are matched by recipient role)' })
  @ValidateNested({ each: true })
  @ArrayMaxSize(10)
  lines?: RuleLineInput[];
}

@ArgsType()
export class CreateIncentiveRuleArgs extends UpdateIncentiveRuleArgs {
  @Field(() => ID)
  programmeId: string;

  @Field()
  name: string;

  @Field(() => LocalDate)
  validFrom: string;

  @Field(() => [RuleLineInput])
  lines: RuleLineInput[];
}

// ---- budgets ----------------------------------------------------------------------------------

// ---- award cases ------------------------------------------------------------------------------

@InputType()
export class AwardCaseFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  programmeId?: string | null;

  @Field(() => [AwardCaseStatus], { nullable: true })
  status?: AwardCaseStatus[] | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => ID, { nullable: true })
  compoundId?: string | null;
}

@ArgsType()
export class UpdateAwardCaseArgs {
  @Field(() => ID, { nullable: true, description: 'Only before street acceptance' })
  propertyCompanyId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Only before street acceptance' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  note?: string | null;
}

@ArgsType()
export class CreateAwardCaseArgs extends UpdateAwardCaseArgs {
  @Field(() => ID)
  programmeId: string;

  @Field(() => ID, { description: 'The compound that is the site' })
  compoundId: string;

  @Field(() => LocalDate, { description: 'The day the site applied' })
  @IsPastDate()
  appliedOn: string;

  @Field(() => ID, { nullable: true, description: 'Default: the compound’s property company' })
  propertyCompanyId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Default: the year of appliedOn' })
  year?: number;
}

// ---- payouts ----------------------------------------------------------------------------------

@InputType()
export class PayoutFilter extends BaseFilterInput {
  @Field(() => [PayoutStatus], { nullable: true })
  status?: PayoutStatus[] | null;

  @Field(() => ID, { nullable: true })
  programmeId?: string | null;

  @Field(() => ID, { nullable: true })
  caseId?: string | null;

  @Field(() => Int, { nullable: true })
  budgetYear?: number | null;

  @Field(() => RecipientRole, { nullable: true })
  recipientRole?: RecipientRole | null;

  @Field(() => ID, { nullable: true })
  submittedById?: string | null;

  @Field(() => ID, { nullable: true, description: 'Not submitted by this user: with status SUBMITTED, what the user may approve (maker-checker), e.g. the home page’s 待我审批' })
  notSubmittedById?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Paid on or after' })
  paidFrom?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Paid on or before' })
  paidTo?: string | null;
}

@ArgsType()
export class UpdatePayoutArgs {
  @Field(() => String, { nullable: true, description: `${yuan}; drafts only` })
  @IsYuan()
  amount?: string;

  @Field(() => ID, { nullable: true, description: 'For a PROPERTY_COMPANY payout; drafts only' })
  recipientCompanyId?: string;

  @Field(() => ID, { nullable: true, description: 'For a COMMUNITY payout: a community; drafts only' })
  recipientJurisdictionId?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  note?: string | null;
}

/** What every payout transition takes: the payout, an optional reason and idempotency key. */

@InputType()
export class TotalsFilter {
  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => ID, { nullable: true })
  programmeId?: string | null;
}
