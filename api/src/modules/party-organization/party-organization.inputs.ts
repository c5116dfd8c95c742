import { MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { IsPastDate, NotBlank } from '../../common/validators';
import { PartyOrganizationForm } from './party-organization.entity';

@InputType()
export class PartyOrganizationFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  compoundId?: string | null;
}

@ArgsType()
export class UpdatePartyOrganizationArgs {
  @Field(() => ID, { nullable: true })
  compoundId?: string;

  @Field(() => PartyOrganizationForm, { nullable: true })
  form?: PartyOrganizationForm;

  @Field(() => String, { nullable: true })
  @NotBlank('name')
  @MaxLength(200)
  name?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  formedOn?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  dissolvedOn?: string | null;
}

@ArgsType()
export class CreatePartyOrganizationArgs extends UpdatePartyOrganizationArgs {
  @Field(() => ID)
  compoundId: string;

  @Field(() => PartyOrganizationForm)
  form: PartyOrganizationForm;

  @Field()
  name: string;

  @Field(() => LocalDate)
  @IsPastDate()
  formedOn: string;
}
