import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { IsPastDate, NotBlank } from '../../common/validators';
import { ComplaintChannel, ComplaintStatus } from './complaint.enums';

@InputType()
export class ComplaintFilter extends BaseFilterInput {
  @Field(() => [ComplaintStatus], { nullable: true })
  status?: ComplaintStatus[] | null;

  @Field(() => ComplaintChannel, { nullable: true })
  channel?: ComplaintChannel | null;

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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  complainant?: string | null;

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

  @Field()
  summary: string;

  @Field(() => LocalDate, { description: 'The day it was received (受理)' })
  @IsPastDate()
  receivedOn: string;
}
