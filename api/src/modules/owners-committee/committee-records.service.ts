import type { EntityManager } from 'typeorm';
import { CrudService, notBefore } from '../../common/crud.service';
import { badInput } from '../../common/errors';
import type { CommitteeReportMeeting } from './report-meeting.entity';
import type { CommitteeSurvey } from './committee-survey.entity';
import type { CommitteeRecordFilter } from './owners-committee.inputs';

/** 满意度测评: the half it rates is over by the day it is taken; a vote's result needs its day and the other way round. */
export class CommitteeSurveyService extends CrudService<CommitteeSurvey, CommitteeRecordFilter> {
  protected async validate(_em: EntityManager, next: CommitteeSurvey): Promise<void> {
    const halfStarts = `${next.year}-${next.half === 1 ? '01' : '07'}-01`;
    if (next.surveyedOn < halfStarts) throw badInput('surveyedOn', `A survey of ${next.year} H${next.half} is taken from ${halfStarts} on`, 'OUTSIDE_PERIOD');
    if ((next.voteHeldOn === null) !== (next.voteResult === null)) {
      throw badInput(next.voteHeldOn === null ? 'voteHeldOn' : 'voteResult', 'Give both the day of the owners’ vote and its result', 'REQUIRED');
    }
    if (!notBefore(next.voteHeldOn, next.surveyedOn)) throw badInput('voteHeldOn', 'The vote follows the survey', 'END_BEFORE_START');
    if (!notBefore(next.reportedOn, next.surveyedOn)) throw badInput('reportedOn', 'The result is reported after the survey', 'END_BEFORE_START');
    if (!notBefore(next.publishedOn, next.surveyedOn)) throw badInput('publishedOn', 'The result is published after the survey', 'END_BEFORE_START');
  }
}

/** 述职评议会: the meeting reports on a year that has begun, after its invitation; the rectification is posted after it. */
export class ReportMeetingService extends CrudService<CommitteeReportMeeting, CommitteeRecordFilter> {
  protected async validate(_em: EntityManager, next: CommitteeReportMeeting): Promise<void> {
    if (next.heldOn < `${next.year}-01-01`) throw badInput('heldOn', `A report on ${next.year} is held from ${next.year}-01-01 on`, 'OUTSIDE_PERIOD');
    if (!notBefore(next.heldOn, next.invitationPostedOn)) throw badInput('invitationPostedOn', 'The invitation is posted before the meeting', 'END_BEFORE_START');
    if (!notBefore(next.rectificationPostedOn, next.heldOn)) throw badInput('rectificationPostedOn', 'The rectification is posted after the meeting', 'END_BEFORE_START');
  }
}
