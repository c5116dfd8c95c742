import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { IsPastDate, NotBlank } from '../../common/validators';
import { ComplaintCategory, ComplaintChannel, ComplaintStatus, ComplaintTimeliness } from './complaint.enums';
import { MAX_TIME_LIMIT_DAYS } from './complaint.rules';

@InputType()
export class ComplaintFilter extends BaseFilterInput {
  @Field(() => [ComplaintStatus], { nullable: true })
  status?: ComplaintStatus[] | null;

  @Field(() => ComplaintChannel, { nullable: true })
  channel?: ComplaintChannel | null;

  @Field(() => [ComplaintCategory], { nullable: true })
  category?: ComplaintCategory[] | null;

  @Field(() => ComplaintTimeliness, { nullable: true, description: 'As of today (China time)' })
  timeliness?: ComplaintTimeliness | null;

  @Field(() => LocalDate, { nullable: true, description: 'Received on or after' })
  receivedFrom?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Received on or before' })
  receivedTo?: string | null;

  @Field(() => ID, { nullable: true })
  compoundId?: string | null;

  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => ID, { nullable: true })
  propertyCompanyId?: string | null;

  @Field(() => ID, { nullable: true })
  assignedUnitId?: string | null;
}

@ArgsType()
export class UpdateComplaintArgs {
  @Field(() => ID, { nullable: true, description: 'Default: the compound’s property company' })
  propertyCompanyId?: string | null;

  @Field(() => ComplaintChannel, { nullable: true })
  channel?: ComplaintChannel;

  @Field(() => ComplaintCategory, { nullable: true })
  category?: ComplaintCategory;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  complainant?: string | null;

  @Field(() => String, { nullable: true, description: 'The complainant’s phone or address, for the call back: private (read back only through complaintContact)' })
  @IsOptional()
  @MaxLength(100)
  complainantContact?: string | null;

  @Field(() => Int, { nullable: true, description: `办理时限 in days after receipt, 0 (a simple matter, the same day) to ${MAX_TIME_LIMIT_DAYS}; default 0` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_TIME_LIMIT_DAYS)
  timeLimitDays?: number;

  @Field(() => String, { nullable: true })
  @NotBlank('summary')
  @MaxLength(500)
  summary?: string;

  @Field(() => ID, { nullable: true, description: '承办单位: needed before 转办' })
  assignedUnitId?: string | null;
}

@ArgsType()
export class CreateComplaintArgs extends UpdateComplaintArgs {
  @Field(() => ID, { description: 'The compound it is about' })
  compoundId: string;

  @Field(() => ComplaintChannel)
  channel: ComplaintChannel;

  @Field(() => ComplaintCategory)
  category: ComplaintCategory;

  @Field()
  summary: string;

  @Field(() => LocalDate, { description: 'The day it was received (受理)' })
  @IsPastDate()
  receivedOn: string;
}

@ArgsType()
export class ComplaintFiguresArgs {
  @Field(() => ID, { description: 'The area: a jurisdiction (its communities’ complaints, each child’s figures beside)' })
  jurisdictionId: string;

  @Field(() => LocalDate, { nullable: true, description: 'Counted as of the end of this day (default today); the year is this day’s, from 1 January' })
  @IsOptional()
  @IsPastDate()
  asOf?: string | null;
}
