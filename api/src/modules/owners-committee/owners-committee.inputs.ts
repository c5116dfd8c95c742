import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { IsPastDate } from '../../common/validators';
import { CommitteeKind } from './owners-committee.entity';

@InputType()
export class OwnersCommitteeFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  compoundId?: string | null;
}

@ArgsType()
export class UpdateOwnersCommitteeArgs {
  @Field(() => ID, { nullable: true })
  compoundId?: string;

  @Field(() => CommitteeKind, { nullable: true })
  kind?: CommitteeKind;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  formedOn?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  dissolvedOn?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  memberCount?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  partyMemberCount?: number | null;
}

@ArgsType()
export class CreateOwnersCommitteeArgs extends UpdateOwnersCommitteeArgs {
  @Field(() => ID)
  compoundId: string;

  @Field(() => CommitteeKind)
  kind: CommitteeKind;

  @Field(() => LocalDate)
  @IsPastDate()
  formedOn: string;
}
