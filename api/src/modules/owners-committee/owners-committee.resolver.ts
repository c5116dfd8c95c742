import { Arg, Authorized, Ctx, FieldResolver, Float, Int, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { todayInChina } from '../../common/dates';
import { childrenOf } from '../../common/loaders';
import { EDITORS, FACT_KEEPERS } from '../../common/roles';
import { LocalDate } from '../../common/scalars';
import { Compound } from '../organization/compound.entity';
import { CommitteeMember } from './committee-member.entity';
import { CommitteeSurvey } from './committee-survey.entity';
import { CommitteeStanding } from './committee.enums';
import * as rules from './committee.rules';
import { OwnersCommittee } from './owners-committee.entity';
import {
  CommitteeMemberFilter,
  CommitteeRecordFilter,
  CreateCommitteeMemberArgs,
  CreateCommitteeSurveyArgs,
  CreateOwnersCommitteeArgs,
  CreateReportMeetingArgs,
  OwnersCommitteeFilter,
  UpdateCommitteeMemberArgs,
  UpdateCommitteeSurveyArgs,
  UpdateOwnersCommitteeArgs,
  UpdateReportMeetingArgs,
} from './owners-committee.inputs';
import { CommitteeReportMeeting } from './report-meeting.entity';

const AS_OF = { nullable: true, description: 'The day (default: today in China)' } as const;

@Resolver(() => OwnersCommittee)
@Authorized()
export class OwnersCommitteeResolver extends createCrudResolver({
  type: OwnersCommittee,
  name: 'OwnersCommittee',
  plural: 'OwnersCommittees',
  filter: OwnersCommitteeFilter,
  createArgs: CreateOwnersCommitteeArgs,
  updateArgs: UpdateOwnersCommitteeArgs,
  service: (ctx) => ctx.services.ownersCommittee,
  // the community records what it knows of its compounds (scope: common/scope.ts, 'fact'); the office removes
  writeRoles: FACT_KEEPERS,
  deleteRoles: EDITORS,
}) {
  @FieldResolver(() => Compound, { nullable: true, description: 'The compound (read through the scope rule like any reference)' })
  compound(@Root() c: OwnersCommittee, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Compound, c.compoundId);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Party members as a percentage of members' })
  partyShare(@Root() c: OwnersCommittee) {
    return rules.partyShare(c);
  }

  @FieldResolver(() => Boolean, { description: 'Below the 50% party-member share the documents ask for' })
  belowPartyShare(@Root() c: OwnersCommittee) {
    return rules.belowPartyShare(c);
  }

  @FieldResolver(() => Boolean, { description: 'An elected committee still serving on the day, its term ended: re-election is due' })
  reElectionDue(@Root() c: OwnersCommittee, @Arg('asOf', () => LocalDate, AS_OF) asOf?: string) {
    return rules.reElectionDue(c, asOf ?? todayInChina());
  }

  @FieldResolver(() => [CommitteeMember], { description: 'Members, by role (removed ones too: see removedOn)' })
  members(@Root() c: OwnersCommittee, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, CommitteeMember, 'committeeId', { role: 'ASC', id: 'ASC' }).load(c.id);
  }

  @FieldResolver(() => [CommitteeSurvey], { description: '满意度测评, newest first' })
  surveys(@Root() c: OwnersCommittee, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, CommitteeSurvey, 'committeeId', { year: 'DESC', half: 'DESC' }).load(c.id);
  }

  @FieldResolver(() => [CommitteeReportMeeting], { description: '年度述职评议会, newest first' })
  reportMeetings(@Root() c: OwnersCommittee, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, CommitteeReportMeeting, 'committeeId', { year: 'DESC' }).load(c.id);
  }
}

@Resolver(() => CommitteeMember)
@Authorized()
export class CommitteeMemberResolver extends createCrudResolver({
  type: CommitteeMember,
  name: 'CommitteeMember',
  plural: 'CommitteeMembers',
  filter: CommitteeMemberFilter,
  createArgs: CreateCommitteeMemberArgs,
  updateArgs: UpdateCommitteeMemberArgs,
  service: (ctx) => ctx.services.committeeMember,
  writeRoles: FACT_KEEPERS,
  deleteRoles: FACT_KEEPERS,
}) {
  @FieldResolver(() => Boolean, { description: 'A party member (中共党员 or 预备党员): counts towards the party share' })
  partyMember(@Root() m: CommitteeMember) {
    return rules.isPartyMember(m);
  }

  @FieldResolver(() => Boolean, { description: 'On the negative list: suspended and not (yet) removed' })
  suspended(@Root() m: CommitteeMember) {
    return m.suspendedOn !== null && m.removedOn === null;
  }
}

@Resolver(() => CommitteeSurvey)
@Authorized()
export class CommitteeSurveyResolver extends createCrudResolver({
  type: CommitteeSurvey,
  name: 'CommitteeSurvey',
  plural: 'CommitteeSurveys',
  filter: CommitteeRecordFilter,
  createArgs: CreateCommitteeSurveyArgs,
  updateArgs: UpdateCommitteeSurveyArgs,
  service: (ctx) => ctx.services.committeeSurvey,
  writeRoles: FACT_KEEPERS,
  deleteRoles: EDITORS,
}) {
  @FieldResolver(() => Boolean, { description: 'Under 50%: the owners’ meeting may vote on early re-election (001 二.4), due until the vote is recorded' })
  earlyElectionVoteDue(@Root() s: CommitteeSurvey) {
    return rules.earlyElectionVoteDue(s);
  }
}

@Resolver(() => CommitteeReportMeeting)
@Authorized()
export class ReportMeetingResolver extends createCrudResolver({
  type: CommitteeReportMeeting,
  name: 'CommitteeReportMeeting',
  plural: 'CommitteeReportMeetings',
  filter: CommitteeRecordFilter,
  createArgs: CreateReportMeetingArgs,
  updateArgs: UpdateReportMeetingArgs,
  service: (ctx) => ctx.services.reportMeeting,
  writeRoles: FACT_KEEPERS,
  deleteRoles: EDITORS,
}) {
  @FieldResolver(() => Int, { nullable: true, description: 'Days between the invitation and the meeting' })
  noticeDays(@Root() m: CommitteeReportMeeting) {
    return rules.noticeDays(m);
  }

  @FieldResolver(() => Boolean, { description: 'The invitation was not posted at least a week ahead (001 二.3), or not at all' })
  noticeShort(@Root() m: CommitteeReportMeeting) {
    const days = rules.noticeDays(m);
    return days === null || days < rules.INVITATION_DAYS;
  }

  @FieldResolver(() => Int, { description: 'Questions on the issues list' })
  issuesCount(@Root() m: CommitteeReportMeeting) {
    return (m.issues ?? '').split('\n').filter((l) => l.trim()).length;
  }
}

/** A compound's committees, term by term, and where it stands with them. */
@Resolver(() => Compound)
@Authorized()
export class CompoundCommitteesResolver {
  @FieldResolver(() => [OwnersCommittee])
  ownersCommittees(@Root() c: Compound, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, OwnersCommittee, 'compoundId', { formedOn: 'ASC', id: 'ASC' }).load(c.id);
  }

  @FieldResolver(() => CommitteeStanding, { description: 'Where the compound stands with its owners’ committee on the day' })
  async committeeStanding(@Root() c: Compound, @Ctx() ctx: AppContext, @Arg('asOf', () => LocalDate, AS_OF) asOf?: string) {
    return rules.standing(await this.ownersCommittees(c, ctx), asOf ?? todayInChina());
  }

  @FieldResolver(() => Boolean, { description: 'A 临时物业管理委员会 is to be pushed: the term lapsed, the committee was dissolved, or none was formed' })
  async provisionalCommitteeDue(@Root() c: Compound, @Ctx() ctx: AppContext, @Arg('asOf', () => LocalDate, AS_OF) asOf?: string) {
    return rules.provisionalDue(rules.standing(await this.ownersCommittees(c, ctx), asOf ?? todayInChina()));
  }
}
