import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { IsPastDate, NotBlank } from '../../common/validators';
import { PartyOrganizationForm } from './party-organization.entity';
import { PartyBranchRole } from './party-organization-member.entity';

@InputType()
export class PartyOrganizationFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  compoundId?: string | null;

  @Field(() => ID, { nullable: true })
  propertyCompanyId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Kept by (隶属) this jurisdiction' })
  jurisdictionId?: string | null;

  @Field(() => PartyOrganizationForm, { nullable: true })
  form?: PartyOrganizationForm | null;

  @Field(() => Boolean, { nullable: true, description: 'true: compounds’ organisations; false: companies’' })
  ofCompound?: boolean | null;

  @Field(() => LocalDate, { nullable: true, description: 'Serving on this day' })
  servingOn?: string | null;
}

@ArgsType()
export class UpdatePartyOrganizationArgs {
  @Field(() => ID, { nullable: true, description: 'The compound (exactly one of compoundId and propertyCompanyId)' })
  compoundId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The property company (exactly one of compoundId and propertyCompanyId)' })
  propertyCompanyId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A company’s organisation: the jurisdiction it comes under (default: the recording user’s, or the company’s 注册地). A compound’s follows its community',
  })
  jurisdictionId?: string;

  @Field(() => PartyOrganizationForm, { nullable: true })
  form?: PartyOrganizationForm;

  @Field(() => String, { nullable: true })
  @NotBlank('name')
  @MaxLength(200)
  name?: string;

  @Field(() => Int, { nullable: true, description: '正式党员数' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  formalMemberCount?: number;

  @Field(() => String, { nullable: true, description: '书记' })
  @MaxLength(50)
  secretaryName?: string | null;

  @Field(() => String, { nullable: true, description: '党建指导员, by name (required where formalMemberCount is 0)' })
  @MaxLength(50)
  instructorName?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  formedOn?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  dissolvedOn?: string | null;
}

@ArgsType()
export class CreatePartyOrganizationArgs extends UpdatePartyOrganizationArgs {
  @Field(() => PartyOrganizationForm)
  form: PartyOrganizationForm;

  @Field()
  name: string;

  @Field(() => Int, { description: '正式党员数' })
  formalMemberCount: number;

  @Field(() => LocalDate)
  @IsPastDate()
  formedOn: string;
}

@InputType()
export class PartyOrganizationMemberFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  partyOrganizationId?: string | null;

  @Field(() => ID, { nullable: true })
  committeeMemberId?: string | null;
}

@ArgsType()
export class UpdatePartyOrganizationMemberArgs {
  @Field(() => PartyBranchRole, { nullable: true })
  branchRole?: PartyBranchRole;
}

@ArgsType()
export class CreatePartyOrganizationMemberArgs extends UpdatePartyOrganizationMemberArgs {
  @Field(() => ID)
  partyOrganizationId: string;

  @Field(() => ID)
  committeeMemberId: string;

  @Field(() => PartyBranchRole)
  branchRole: PartyBranchRole;
}

@InputType()
export class ThreeHaveDesignationFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  propertyCompanyId?: string | null;
}

@ArgsType()
export class UpdateThreeHaveDesignationArgs {
  @Field(() => ID, { nullable: true })
  propertyCompanyId?: string;

  @Field(() => ID, { nullable: true, description: 'The office (default: the recording user’s)' })
  jurisdictionId?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  designatedOn?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  endedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'On what basis' })
  @MaxLength(300)
  basis?: string | null;
}

@ArgsType()
export class CreateThreeHaveDesignationArgs extends UpdateThreeHaveDesignationArgs {
  @Field(() => ID)
  propertyCompanyId: string;

  @Field(() => LocalDate)
  @IsPastDate()
  designatedOn: string;
}
