import { SheetImporter } from '../../common/sheet-import/sheet-import';
import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { defineCompoundFlags } from '../organization/compound-flags';
import { committeeImport } from './committee-import.service';
import { CommitteeImportResolver } from './committee-import.resolver';
import { CommitteeMember } from './committee-member.entity';
import { COMMITTEE_FLAGS } from './committee.flags';
import { CommitteeMemberService } from './committee-member.service';
import { CommitteeSurveyService, ReportMeetingService } from './committee-records.service';
import { CommitteeSurvey } from './committee-survey.entity';
import { CommitteeLedger1764892800000 } from './migrations/1764892800000-CommitteeLedger';
import { OwnersCommittee } from './owners-committee.entity';
import { CommitteeMemberResolver, CommitteeSurveyResolver, CompoundCommitteesResolver, OwnersCommitteeResolver, ReportMeetingResolver } from './owners-committee.resolver';
import { OwnersCommitteeService } from './owners-committee.service';
import { CommitteeReportMeeting } from './report-meeting.entity';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit }: ModuleKit) => ({
  ownersCommittee: new OwnersCommitteeService(ds, tx, audit, { entity: OwnersCommittee, typeName: 'OwnersCommittee', searchColumns: [] }),
  committeeMember: new CommitteeMemberService(ds, tx, audit, { entity: CommitteeMember, typeName: 'CommitteeMember', searchColumns: ['name', 'building'] }),
  committeeSurvey: new CommitteeSurveyService(ds, tx, audit, {
    entity: CommitteeSurvey,
    typeName: 'CommitteeSurvey',
    searchColumns: [],
    defaultSort: [
      ['year', 'DESC'],
      ['half', 'DESC'],
    ],
  }),
  reportMeeting: new ReportMeetingService(ds, tx, audit, { entity: CommitteeReportMeeting, typeName: 'CommitteeReportMeeting', searchColumns: [], defaultSort: [['year', 'DESC']] }),
  committeeImport: new SheetImporter(committeeImport, ds, tx, audit),
});

/** The refusal reasons its code throws (extensions.reason; see common/reasons.ts). */
const reasons = {
  PARTY_MEMBERS_OVER_MEMBERS: 'A committee counts more party members than members',
  COUNTS_FROM_MEMBERS: 'A committee whose members are recorded counts them: its member counts are not typed',
  BEFORE_FORMED: 'A member is said to serve before the committee was formed',
} as const;

defineCompoundFlags(COMMITTEE_FLAGS);

/**
 * 业主委员会 / 临时物业管理委员会 of a compound, term by term: members (the board of 001 二.5 and the
 * negative list of 二.2), half-yearly satisfaction surveys (二.4) and yearly report meetings (二.3).
 */
export const ownersCommitteeModule: ApiModule = {
  name: 'owners-committee',
  entities: [OwnersCommittee, CommitteeMember, CommitteeSurvey, CommitteeReportMeeting],
  migrations: [CommitteeLedger1764892800000],
  services,
  resolvers: [OwnersCommitteeResolver, CommitteeMemberResolver, CommitteeSurveyResolver, ReportMeetingResolver, CompoundCommitteesResolver, CommitteeImportResolver],
  reasons,
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../../common/reasons' {
  interface ModuleReasons extends Record<keyof typeof reasons, true> {}
}
