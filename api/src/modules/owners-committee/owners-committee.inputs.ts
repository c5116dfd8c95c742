import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, InputType, Int } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { IsLocalDate, IsPastDate, NotBlank } from '../../common/validators';
import { CommitteeRole, EarlyElectionVote, PoliticalStatus } from './committee.enums';
import { CommitteeKind } from './owners-committee.entity';

@InputType()
export class OwnersCommitteeFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  compoundId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Committees of the compounds of this community' })
  communityId?: string | null;

  @Field(() => CommitteeKind, { nullable: true })
  kind?: CommitteeKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Party members under half of the members' })
  belowPartyShare?: boolean | null;

  @Field(() => LocalDate, { nullable: true, description: 'Serving on this day, with the term ended (re-election due)' })
  reElectionDueOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Serving on this day' })
  servingOn?: string | null;
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

  @Field(() => LocalDate, { nullable: true, description: '任期届满: the day the term ends (inclusive)' })
  @IsLocalDate()
  termEndsOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: '备案 on' })
  @IsPastDate()
  filedOn?: string | null;

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

@InputType()
export class CommitteeMemberFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  committeeId?: string | null;

  @Field(() => CommitteeRole, { nullable: true })
  role?: CommitteeRole | null;

  @Field(() => Boolean, { nullable: true, description: 'Suspended (负面清单) and not yet removed' })
  suspended?: boolean | null;
}

@ArgsType()
export class UpdateCommitteeMemberArgs {
  @Field(() => String, { nullable: true })
  @NotBlank('name')
  @MaxLength(50)
  name?: string;

  @Field(() => CommitteeRole, { nullable: true })
  role?: CommitteeRole;

  @Field(() => PoliticalStatus, { nullable: true })
  politicalStatus?: PoliticalStatus;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  building?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @IsLocalDate()
  servedFrom?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @IsLocalDate()
  servedTo?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  phone?: string | null;

  @Field(() => Boolean, { nullable: true })
  contactPublic?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  pledge?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  photoRef?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  suspendedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  suspensionReason?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  removedOn?: string | null;
}

@ArgsType()
export class CreateCommitteeMemberArgs extends UpdateCommitteeMemberArgs {
  @Field(() => ID)
  committeeId: string;

  @Field()
  name: string;

  @Field(() => CommitteeRole)
  role: CommitteeRole;

  @Field(() => PoliticalStatus)
  politicalStatus: PoliticalStatus;
}

@InputType()
export class CommitteeRecordFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  committeeId?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;
}

@ArgsType()
export class UpdateCommitteeSurveyArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => Int, { nullable: true, description: '1 or 2' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2)
  half?: number;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  surveyedOn?: string;

  @Field(() => Float, { nullable: true, description: 'Percent, 0–100' })
  @IsOptional()
  @Min(0)
  @Max(100)
  satisfactionRate?: number;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  respondents?: number | null;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  reportedOn?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  publishedOn?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  voteHeldOn?: string | null;

  @Field(() => EarlyElectionVote, { nullable: true })
  voteResult?: EarlyElectionVote | null;
}

@ArgsType()
export class CreateCommitteeSurveyArgs extends UpdateCommitteeSurveyArgs {
  @Field(() => ID)
  committeeId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  half: number;

  @Field(() => LocalDate)
  surveyedOn: string;

  @Field(() => Float)
  satisfactionRate: number;
}

@ArgsType()
export class UpdateReportMeetingArgs {
  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  heldOn?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  invitationPostedOn?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  officialsPresent?: string | null;

  @Field(() => String, { nullable: true, description: 'One question per line' })
  @IsOptional()
  @MaxLength(20_000)
  issues?: string | null;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  rectificationPostedOn?: string | null;
}

@ArgsType()
export class CreateReportMeetingArgs extends UpdateReportMeetingArgs {
  @Field(() => ID)
  committeeId: string;

  @Field(() => Int)
  year: number;

  @Field(() => LocalDate)
  heldOn: string;
}
