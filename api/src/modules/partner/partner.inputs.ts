import { MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { NotBlank } from '../../common/validators';

@InputType()
export class PartnerKeyFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true, description: 'Records of this office only' })
  jurisdictionId?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: not revoked; false: revoked' })
  active?: boolean | null;
}

@InputType()
export class PartnerAccessFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  keyId?: string | null;

  @Field(() => String, { nullable: true, description: 'Requests that looked up this credit code' })
  uscc?: string | null;

  @Field(() => String, { nullable: true, description: 'OK or an error code' })
  outcome?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'From this day (China time)' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Up to and including this day' })
  to?: string | null;
}

@ArgsType()
export class IssuePartnerKeyArgs {
  @Field(() => ID, { nullable: true, description: 'The issuing office: the key reads editions published within its area; default: the office of the user who issues it' })
  jurisdictionId?: string | null;

  @Field({ description: 'Who the key is for: organisation and system, e.g. 石狮市公共资源交易中心 招投标平台' })
  @NotBlank('name')
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true, description: 'Agreement reference, contact, purpose…' })
  @MaxLength(2000)
  note?: string | null;
}

@ArgsType()
export class RevokePartnerKeyArgs {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Why the key is revoked' })
  @NotBlank('reason')
  @MaxLength(2000)
  reason: string;
}
