import type { ModuleExpectations } from '../../module-expectations';

/** The owners' committee ledger's rows of the permission matrix and its part of the audit test. */
export const expectations: ModuleExpectations = {
  permissions: {
    // the community records what it knows of its committees; the office removes surveys and meetings,
    // the community may remove a member it entered by mistake (a member who leaves gets removedOn instead)
    CommitteeMember: 'SIGNED_IN',
    allCommitteeMembers: 'SIGNED_IN',
    _allCommitteeMembersMeta: 'SIGNED_IN',
    createCommitteeMember: 'REPORTERS',
    updateCommitteeMember: 'REPORTERS',
    deleteCommitteeMember: 'REPORTERS',
    CommitteeSurvey: 'SIGNED_IN',
    allCommitteeSurveys: 'SIGNED_IN',
    _allCommitteeSurveysMeta: 'SIGNED_IN',
    createCommitteeSurvey: 'REPORTERS',
    updateCommitteeSurvey: 'REPORTERS',
    deleteCommitteeSurvey: 'EDITORS',
    CommitteeReportMeeting: 'SIGNED_IN',
    allCommitteeReportMeetings: 'SIGNED_IN',
    _allCommitteeReportMeetingsMeta: 'SIGNED_IN',
    createCommitteeReportMeeting: 'REPORTERS',
    updateCommitteeReportMeeting: 'REPORTERS',
    deleteCommitteeReportMeeting: 'EDITORS',
    // 业委会名册导入: anyone signed in may preview (rows are matched within what they see); a community's staff commit for their own community
    committeeImportPreview: 'SIGNED_IN',
    importCommittees: 'REPORTERS',
  },
  async audit({ once, gql }) {
    const {
      allJurisdictions: [community],
    } = (await gql('{ allJurisdictions(perPage: 1, filter: { level: COMMUNITY }) { id } }')).data;
    const compound = (await gql(`mutation { createCompound(name: "业委会审计用小区", communityId: "${community.id}", managementMode: NONE) { id } }`)).data.createCompound;
    const committee = (await gql(`mutation { createOwnersCommittee(compoundId: "${compound.id}", kind: ELECTED, formedOn: "2024-01-01") { id } }`)).data.createOwnersCommittee;

    const member = await once(
      'createCommitteeMember',
      `mutation { createCommitteeMember(committeeId: "${committee.id}", name: "审计委员", role: MEMBER, politicalStatus: MASSES, servedFrom: "2024-01-01") { id } }`,
    );
    expect(member.event).toMatchObject({ action: 'CREATE', entityType: 'CommitteeMember', after: { name: '审计委员', role: 'MEMBER' } });
    const moved = await once('updateCommitteeMember', `mutation { updateCommitteeMember(id: "${member.data.id}", role: DEPUTY_DIRECTOR) { id } }`);
    expect(moved.event).toMatchObject({ action: 'UPDATE', before: { role: 'MEMBER' }, after: { role: 'DEPUTY_DIRECTOR' } });
    const gone = await once('deleteCommitteeMember', `mutation { deleteCommitteeMember(id: "${member.data.id}") { id } }`);
    expect(gone.event).toMatchObject({ action: 'DELETE', entityType: 'CommitteeMember', after: null });

    const survey = await once(
      'createCommitteeSurvey',
      `mutation { createCommitteeSurvey(committeeId: "${committee.id}", year: 2024, half: 2, surveyedOn: "2024-12-10", satisfactionRate: 72.5) { id } }`,
    );
    expect(survey.event).toMatchObject({ action: 'CREATE', entityType: 'CommitteeSurvey', after: { year: 2024, half: 2 } });
    const resurveyed = await once('updateCommitteeSurvey', `mutation { updateCommitteeSurvey(id: "${survey.data.id}", respondents: 120) { id } }`);
    expect(resurveyed.event).toMatchObject({ action: 'UPDATE', before: { respondents: null }, after: { respondents: 120 } });
    await once('deleteCommitteeSurvey', `mutation { deleteCommitteeSurvey(id: "${survey.data.id}") { id } }`);

    const meeting = await once(
      'createCommitteeReportMeeting',
      `mutation { createCommitteeReportMeeting(committeeId: "${committee.id}", year: 2024, heldOn: "2024-12-20", invitationPostedOn: "2024-12-12") { id } }`,
    );
    expect(meeting.event).toMatchObject({ action: 'CREATE', entityType: 'CommitteeReportMeeting', after: { heldOn: '2024-12-20' } });
    const noticed = await once('updateCommitteeReportMeeting', `mutation { updateCommitteeReportMeeting(id: "${meeting.data.id}", issues: "停车难\\n电梯维保") { id } }`);
    expect(noticed.event).toMatchObject({ action: 'UPDATE', before: { issues: null } });
    await once('deleteCommitteeReportMeeting', `mutation { deleteCommitteeReportMeeting(id: "${meeting.data.id}") { id } }`);

    // one event for the whole sheet, naming the first committee it wrote
    const { name: communityName } = (await gql(`{ Jurisdiction(id: "${community.id}") { name } }`)).data.Jurisdiction;
    const imported = await once('importCommittees', `mutation($rows: [CommitteeSheetRowInput!]!) { importCommittees(rows: $rows) { added committees { committeeId } } }`, {
      rows: [{ line: 2, community: communityName, compound: '业委会审计用小区', kind: '业委会', formedOn: '2024-01-01', name: '导入委员', role: '委员', politicalStatus: '群众' }],
    });
    expect(imported.data.added).toBe(1);
    expect(imported.event).toMatchObject({ action: 'IMPORT_COMMITTEES', entityType: 'OwnersCommittee', entityId: committee.id, after: { added: 1, changed: 0 } });
  },
};
