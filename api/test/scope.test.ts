import request from 'supertest';
import { getNamedType, type GraphQLField, type GraphQLInputObjectType, type GraphQLInputType, type GraphQLObjectType, isInputObjectType, isListType, isNonNullType, isObjectType } from 'graphql';
import { todayInChina } from '../src/common/dates';
import { Role } from '../src/common/roles';
import { usccCheckChar } from '../src/common/uscc';
import { dbKind } from './db';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from './harness';
import { operationFor, snapshot } from './permission-matrix.cells';
import { printedSchema } from './printed-schemas';
import { png } from './modules/attachment/files';

/*
 * Many offices in one system (issue 14): every user works inside a jurisdiction and reads and
 * changes only what belongs there. This test states the rule a second time, independently of
 * api/src/common/scope.ts: for every object type a root list field of the admin schema returns, an
 * SQL statement written here by hand (explicit joins up to the owning jurisdiction) and how far up
 * it is read. A type the schema lists and OWNERS does not fails the first test: nobody adds a type
 * without deciding who reads it. Then, for users of two streets, their communities and the city, in
 * every role: every list (all pages), its count, get by id and filter by ids of what they must not
 * see, and the lists nested in each record, compared with what the hand-written rule says.
 */

/** 'own': a user's own (notifications): read by that user alone, never by an office; `owner` is the user's office. */
type Reach = 'subtree' | 'downward' | 'public' | 'own';

/**
 * GraphQL type → how to find each record's owner (id, owner) and how far up it is read: one reach for
 * the type, or each row's own ('row': the SQL gives `reach`; an attachment is read as its record is).
 */
const OWNERS: Record<string, { sql: string; reach: Reach | 'row' }> = {
  PolicyDocument: { sql: 'SELECT id, jurisdictionId AS owner FROM policy_document', reach: 'downward' },
  Clause: { sql: 'SELECT c.id, d.jurisdictionId AS owner FROM clause c JOIN policy_document d ON d.id = c.documentId', reach: 'downward' },
  DocumentCitation: { sql: 'SELECT c.id, d.jurisdictionId AS owner FROM document_citation c JOIN policy_document d ON d.id = c.citingDocumentId', reach: 'downward' },
  Jurisdiction: { sql: 'SELECT id, parentId AS owner FROM jurisdiction', reach: 'public' },
  Unit: { sql: 'SELECT id, jurisdictionId AS owner FROM unit', reach: 'downward' },
  PropertyCompany: { sql: 'SELECT id, ownerJurisdictionId AS owner FROM property_company', reach: 'public' },
  Compound: { sql: 'SELECT id, communityId AS owner FROM compound', reach: 'subtree' },
  OwnersCommittee: { sql: 'SELECT o.id, c.communityId AS owner FROM owners_committee o JOIN compound c ON c.id = o.compoundId', reach: 'subtree' },
  CommitteeMember: { sql: 'SELECT m.id, c.communityId AS owner FROM committee_member m JOIN owners_committee o ON o.id = m.committeeId JOIN compound c ON c.id = o.compoundId', reach: 'subtree' },
  CommitteeSurvey: { sql: 'SELECT s.id, c.communityId AS owner FROM committee_survey s JOIN owners_committee o ON o.id = s.committeeId JOIN compound c ON c.id = o.compoundId', reach: 'subtree' },
  CommitteeReportMeeting: {
    sql: 'SELECT r.id, c.communityId AS owner FROM committee_report_meeting r JOIN owners_committee o ON o.id = r.committeeId JOIN compound c ON c.id = o.compoundId',
    reach: 'subtree',
  },
  PartyOrganization: { sql: 'SELECT id, jurisdictionId AS owner FROM party_organization', reach: 'subtree' },
  PartyOrganizationMember: { sql: 'SELECT m.id, o.jurisdictionId AS owner FROM party_organization_member m JOIN party_organization o ON o.id = m.partyOrganizationId', reach: 'subtree' },
  ThreeHaveDesignation: { sql: 'SELECT id, jurisdictionId AS owner FROM three_have_designation', reach: 'downward' },
  Complaint: { sql: 'SELECT o.id, c.communityId AS owner FROM complaint o JOIN compound c ON c.id = o.compoundId', reach: 'subtree' },
  RevenueDisclosure: { sql: 'SELECT d.id, c.communityId AS owner FROM revenue_disclosure d JOIN compound c ON c.id = d.compoundId', reach: 'subtree' },
  PracticalMatter: { sql: 'SELECT m.id, c.communityId AS owner FROM practical_matter m JOIN compound c ON c.id = m.compoundId', reach: 'subtree' },
  PracticalMatterStep: {
    sql: 'SELECT s.id, c.communityId AS owner FROM practical_matter_step s JOIN practical_matter m ON m.id = s.practicalMatterId JOIN compound c ON c.id = m.compoundId',
    reach: 'subtree',
  },
  ServiceEvaluation: { sql: 'SELECT v.id, c.communityId AS owner FROM service_evaluation v JOIN compound c ON c.id = v.compoundId', reach: 'subtree' },
  ServiceEvaluationStep: {
    sql: 'SELECT s.id, c.communityId AS owner FROM service_evaluation_step s JOIN service_evaluation v ON v.id = s.evaluationId JOIN compound c ON c.id = v.compoundId',
    reach: 'subtree',
  },
  ServiceCoverage: { sql: 'SELECT v.id, c.communityId AS owner FROM service_coverage v JOIN compound c ON c.id = v.compoundId', reach: 'subtree' },
  NoticeLink: { sql: 'SELECT id, jurisdictionId AS owner FROM notice_link', reach: 'subtree' },
  RevenueAudit: { sql: 'SELECT a.id, c.communityId AS owner FROM revenue_audit a JOIN compound c ON c.id = a.compoundId', reach: 'subtree' },
  Person: { sql: 'SELECT id, jurisdictionId AS owner FROM person', reach: 'subtree' },
  Post: { sql: 'SELECT id, jurisdictionId AS owner FROM post', reach: 'downward' },
  PostHolding: { sql: 'SELECT h.id, p.jurisdictionId AS owner FROM post_holding h JOIN post p ON p.id = h.postId', reach: 'subtree' },
  WorkingGroup: { sql: 'SELECT id, jurisdictionId AS owner FROM working_group', reach: 'subtree' },
  Membership: { sql: 'SELECT m.id, g.jurisdictionId AS owner FROM membership m JOIN working_group g ON g.id = m.groupId', reach: 'subtree' },
  Plan: { sql: 'SELECT id, jurisdictionId AS owner FROM plan', reach: 'downward' },
  KeyWork: { sql: 'SELECT k.id, p.jurisdictionId AS owner FROM key_work k JOIN plan p ON p.id = k.planId', reach: 'downward' },
  Target: { sql: 'SELECT t.id, p.jurisdictionId AS owner FROM task_target t JOIN key_work k ON k.id = t.keyWorkId JOIN plan p ON p.id = k.planId', reach: 'downward' },
  TaskItem: { sql: 'SELECT t.id, p.jurisdictionId AS owner FROM task_item t JOIN key_work k ON k.id = t.keyWorkId JOIN plan p ON p.id = k.planId', reach: 'downward' },
  Milestone: {
    sql: 'SELECT m.id, p.jurisdictionId AS owner FROM milestone m JOIN task_item t ON t.id = m.taskItemId JOIN key_work k ON k.id = t.keyWorkId JOIN plan p ON p.id = k.planId',
    reach: 'downward',
  },
  Assignment: {
    sql: 'SELECT a.id, p.jurisdictionId AS owner FROM assignment a JOIN task_item t ON t.id = a.taskItemId JOIN key_work k ON k.id = t.keyWorkId JOIN plan p ON p.id = k.planId',
    reach: 'downward',
  },
  ProgressReport: {
    sql: 'SELECT r.id, p.jurisdictionId AS owner FROM progress_report r JOIN assignment a ON a.id = r.assignmentId JOIN task_item t ON t.id = a.taskItemId JOIN key_work k ON k.id = t.keyWorkId JOIN plan p ON p.id = k.planId',
    reach: 'downward',
  },
  DutyReport: {
    sql: 'SELECT r.id, p.jurisdictionId AS owner FROM duty_report r JOIN assignment a ON a.id = r.assignmentId JOIN task_item t ON t.id = a.taskItemId JOIN key_work k ON k.id = t.keyWorkId JOIN plan p ON p.id = k.planId',
    reach: 'downward',
  },
  Urging: {
    sql: 'SELECT r.id, p.jurisdictionId AS owner FROM urging r JOIN assignment a ON a.id = r.assignmentId JOIN task_item t ON t.id = a.taskItemId JOIN key_work k ON k.id = t.keyWorkId JOIN plan p ON p.id = k.planId',
    reach: 'downward',
  },
  TaskReminder: {
    sql: 'SELECT r.id, p.jurisdictionId AS owner FROM task_reminder r JOIN assignment a ON a.id = r.assignmentId JOIN task_item t ON t.id = a.taskItemId JOIN key_work k ON k.id = t.keyWorkId JOIN plan p ON p.id = k.planId',
    reach: 'downward',
  },
  Indicator: { sql: 'SELECT id, scopeId AS owner FROM indicator', reach: 'downward' },
  IndicatorMeasurement: { sql: 'SELECT id, jurisdictionId AS owner FROM indicator_measurement', reach: 'downward' },
  IncentiveProgramme: { sql: 'SELECT id, jurisdictionId AS owner FROM incentive_programme', reach: 'downward' },
  IncentiveRule: { sql: 'SELECT r.id, p.jurisdictionId AS owner FROM incentive_rule r JOIN incentive_programme p ON p.id = r.programmeId', reach: 'downward' },
  AwardCase: { sql: 'SELECT c.id, p.jurisdictionId AS owner FROM award_case c JOIN incentive_programme p ON p.id = c.programmeId', reach: 'subtree' },
  Payout: { sql: 'SELECT o.id, p.jurisdictionId AS owner FROM payout o JOIN incentive_programme p ON p.id = o.programmeId', reach: 'subtree' },
  IncentiveBudget: { sql: 'SELECT b.id, p.jurisdictionId AS owner FROM incentive_budget b JOIN incentive_programme p ON p.id = b.programmeId', reach: 'subtree' },
  RatingScheme: { sql: 'SELECT id, jurisdictionId AS owner FROM rating_scheme', reach: 'downward' },
  RatingPeriod: { sql: 'SELECT p.id, s.jurisdictionId AS owner FROM rating_period p JOIN rating_scheme s ON s.id = p.schemeId', reach: 'downward' },
  Rating: { sql: 'SELECT r.id, s.jurisdictionId AS owner FROM rating r JOIN rating_period p ON p.id = r.periodId JOIN rating_scheme s ON s.id = p.schemeId', reach: 'subtree' },
  RatingPublication: {
    sql: 'SELECT u.id, s.jurisdictionId AS owner FROM rating_publication u JOIN rating_period p ON p.id = u.periodId JOIN rating_scheme s ON s.id = p.schemeId',
    reach: 'downward',
  },
  PublishedEntry: {
    sql: 'SELECT e.id, s.jurisdictionId AS owner FROM published_entry e JOIN rating_publication u ON u.id = e.publicationId JOIN rating_period p ON p.id = u.periodId JOIN rating_scheme s ON s.id = p.schemeId',
    reach: 'downward',
  },
  Rectification: {
    sql: 'SELECT r.id, s.jurisdictionId AS owner FROM rectification r JOIN rating_publication u ON u.id = r.publicationId JOIN rating_period p ON p.id = u.periodId JOIN rating_scheme s ON s.id = p.schemeId',
    reach: 'subtree',
  },
  PartnerKey: { sql: 'SELECT id, jurisdictionId AS owner FROM partner_key', reach: 'subtree' },
  PartnerAccess: { sql: 'SELECT a.id, k.jurisdictionId AS owner FROM partner_access a JOIN partner_key k ON k.id = a.keyId', reach: 'subtree' },
  User: { sql: 'SELECT id, jurisdictionId AS owner FROM app_user', reach: 'subtree' },
  AuditEvent: { sql: 'SELECT id, jurisdictionId AS owner FROM audit_event', reach: 'subtree' },
  Attachment: {
    sql: `SELECT a.id, c.communityId AS owner, 'subtree' AS reach FROM attachment a JOIN revenue_disclosure d ON d.id = a.targetId JOIN compound c ON c.id = d.compoundId WHERE a.targetType = 'RevenueDisclosure'
      UNION ALL SELECT a.id, c.communityId, 'subtree' FROM attachment a JOIN complaint o ON o.id = a.targetId JOIN compound c ON c.id = o.compoundId WHERE a.targetType = 'Complaint'
      UNION ALL SELECT a.id, c.communityId, 'subtree' FROM attachment a JOIN complaint_step s ON s.id = a.targetId JOIN complaint o ON o.id = s.complaintId JOIN compound c ON c.id = o.compoundId WHERE a.targetType = 'ComplaintStep'
      UNION ALL SELECT a.id, p.jurisdictionId, 'downward' FROM attachment a JOIN progress_report r ON r.id = a.targetId JOIN assignment x ON x.id = r.assignmentId JOIN task_item t ON t.id = x.taskItemId
        JOIN key_work k ON k.id = t.keyWorkId JOIN plan p ON p.id = k.planId WHERE a.targetType = 'ProgressReport'`,
    reach: 'row',
  },
  Notification: { sql: 'SELECT n.id, u.jurisdictionId AS owner FROM notification n JOIN app_user u ON u.id = n.userId', reach: 'own' },
};

interface Viewer {
  label: string;
  role: Role;
  jurisdiction: string;
  token: string;
}

const schema = printedSchema('admin');
const query = schema.getQueryType()!.getFields();
/** Root list fields all<Plural> and the type they list. */
const LISTS = Object.values(query)
  .filter((f) => /^all[A-Z]/.test(f.name) && isListType(isNonNullType(f.type) ? f.type.ofType : f.type))
  .map((f) => ({ field: f.name, type: getNamedType(f.type) as GraphQLObjectType }));

/** The one-to-many lists inside a type that take no required argument (a group's members, a compound's committees). */
function nestedLists(type: GraphQLObjectType): Array<{ name: string; type: GraphQLObjectType }> {
  return Object.values(type.getFields())
    .filter((f: GraphQLField<unknown, unknown>) => {
      const inner = isNonNullType(f.type) ? f.type.ofType : f.type;
      const named = getNamedType(f.type);
      return isListType(inner) && isObjectType(named) && 'id' in named.getFields() && f.args.every((a) => !isNonNullType(a.type) || a.defaultValue !== undefined);
    })
    .map((f) => ({ name: f.name, type: getNamedType(f.type) as GraphQLObjectType }));
}

describe(`scope: every office sees and changes only what belongs to it (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  const J = new Map<string, number>();
  const parent = new Map<number, number | null>();
  const viewers: Viewer[] = [];
  const ids: Record<string, string> = {};
  let uscc0 = '';

  const ok = async (q: string, v: Record<string, unknown> = {}, token = admin) => {
    const res = await t.gql(q, v, token);
    if (res.errors) throw new Error(`${q.slice(0, 80)}: ${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const subtree = (id: number): number[] => [id, ...[...parent].filter(([, p]) => p === id).flatMap(([c]) => subtree(c))];
  const ancestors = (id: number): number[] => {
    const p = parent.get(id);
    return p == null ? [] : [p, ...ancestors(p)];
  };
  /** What the hand-written rule lets a user of `jurisdiction` read, by reach. */
  const readable = (jurisdiction: string, reach: Reach, owner: number | null): boolean => {
    if (reach === 'public') return true;
    if (owner == null || reach === 'own') return false;
    const j = J.get(jurisdiction)!;
    return subtree(j).includes(owner) || (reach === 'downward' && ancestors(j).includes(owner));
  };
  const rowReach = new Map<string, Reach>();
  const owners = async (type: string): Promise<Map<string, number | null>> => {
    const rows: Array<{ id: number | string; owner: number | string | null; reach?: Reach }> = await t.app.ds.query(OWNERS[type].sql);
    for (const r of rows) if (r.reach) rowReach.set(`${type}:${r.id}`, r.reach);
    return new Map(rows.map((r) => [String(r.id), r.owner == null ? null : Number(r.owner)]));
  };
  /** How far up a record is read: its type's reach, or its own. */
  const reachOf = (type: string, id: string): Reach => {
    const reach = OWNERS[type].reach;
    return reach === 'row' ? rowReach.get(`${type}:${id}`)! : reach;
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const js = (await ok('{ allJurisdictions(perPage: 1000) { id name parentId } }')).allJurisdictions as Array<{ id: string; name: string; parentId: string | null }>;
    for (const j of js) {
      J.set(j.name, Number(j.id));
      parent.set(Number(j.id), j.parentId == null ? null : Number(j.parentId));
    }
    const jid = (name: string) => String(J.get(name));
    const unitOf = async (name: string, jurisdiction: string) =>
      ((await ok('query($q: String!, $j: ID!) { allUnits(filter: { q: $q, jurisdictionId: $j }) { id } }', { q: name, j: jid(jurisdiction) })).allUnits as Array<{ id: string }>)[0].id;

    // Records of both streets and their communities (the seeds give the documents, rosters, plans and programmes).
    let n = 0;
    const uscc = () => {
      const base = `91350582MA2XC${String(++n).padStart(4, '0')}`;
      uscc0 ||= base + usccCheckChar(base);
      return base + usccCheckChar(base);
    };
    for (const [street, community] of [
      ['青阳街道', '阳光社区'],
      ['宝盖镇', '龙穴社区'],
    ]) {
      const company = (
        await ok('mutation($n: String!, $u: String!, $o: ID) { createPropertyCompany(name: $n, uscc: $u, ownerJurisdictionId: $o) { id } }', { n: `${street}物业`, u: uscc(), o: jid(street) })
      ).createPropertyCompany.id;
      ids[`company:${street}`] = company;
      const compound = (
        await ok('mutation($c: ID!, $n: String!, $p: ID) { createCompound(name: $n, communityId: $c, managementMode: PROFESSIONAL, propertyCompanyId: $p) { id } }', {
          c: jid(community),
          n: `${community}小区`,
          p: company,
        })
      ).createCompound.id;
      ids[`compound:${community}`] = compound;
      ids[`compound2:${community}`] = (
        await ok('mutation($c: ID!, $n: String!) { createCompound(name: $n, communityId: $c, managementMode: NONE) { id } }', { c: jid(community), n: `${community}二号小区` })
      ).createCompound.id;
      const committee = (await ok('mutation($c: ID!) { createOwnersCommittee(compoundId: $c, kind: ELECTED, formedOn: "2024-01-01") { id } }', { c: compound })).createOwnersCommittee.id;
      const member = (
        await ok('mutation($o: ID!) { createCommitteeMember(committeeId: $o, name: "委员甲", role: DIRECTOR, politicalStatus: CPC_MEMBER, servedFrom: "2024-01-01") { id } }', { o: committee })
      ).createCommitteeMember.id;
      await ok('mutation($o: ID!) { createCommitteeSurvey(committeeId: $o, year: 2024, half: 1, surveyedOn: "2024-06-20", satisfactionRate: 80) { id } }', { o: committee });
      await ok('mutation($o: ID!) { createCommitteeReportMeeting(committeeId: $o, year: 2024, heldOn: "2024-12-20", invitationPostedOn: "2024-12-10") { id } }', { o: committee });
      const branch = (await ok('mutation($c: ID!) { createPartyOrganization(compoundId: $c, name: "小区党支部", form: SINGLE, formalMemberCount: 3, formedOn: "2024-01-01") { id } }', { c: compound }))
        .createPartyOrganization.id;
      await ok('mutation($o: ID!, $m: ID!) { createPartyOrganizationMember(partyOrganizationId: $o, committeeMemberId: $m, branchRole: SECRETARY) { id } }', { o: branch, m: member });
      await ok(
        'mutation($p: ID!, $j: ID!) { createPartyOrganization(propertyCompanyId: $p, jurisdictionId: $j, name: "物业公司党支部", form: SINGLE, formalMemberCount: 4, formedOn: "2024-01-01") { id } }',
        {
          p: company,
          j: jid(street),
        },
      );
      await ok('mutation($p: ID!, $j: ID!) { createThreeHaveDesignation(propertyCompanyId: $p, jurisdictionId: $j, designatedOn: "2024-01-01") { id } }', { p: company, j: jid(street) });
      const complaint = (
        await ok('mutation($c: ID!) { createComplaint(compoundId: $c, channel: HOTLINE_12345, category: ELEVATOR, summary: "电梯故障", receivedOn: "2026-01-05") { id steps { id } } }', {
          c: compound,
        })
      ).createComplaint;
      const disclosure = (await ok('mutation($c: ID!) { createRevenueDisclosure(compoundId: $c, year: 2025, quarter: 4, disclosedOn: "2026-01-20", evidence: "公示栏") { id } }', { c: compound }))
        .createRevenueDisclosure.id;
      // files on the records of both streets (read as their records are)
      for (const [type, id] of [
        ['RevenueDisclosure', disclosure],
        ['Complaint', complaint.id],
        ['ComplaintStep', complaint.steps[0].id],
      ]) {
        const res = await request(t.app.express)
          .post(`/files?targetType=${type}&targetId=${id}&name=${encodeURIComponent(`${community}附件.png`)}`)
          .set('authorization', `Bearer ${admin}`)
          .send(png(2, 2, [J.get(community)! % 256, 0, 0]));
        if (res.status !== 201) throw new Error(`upload: ${JSON.stringify(res.body)}`);
      }
      ids[`complaint:${community}`] = complaint.id;
      const unit = ((await ok('{ allUnits(perPage: 1) { id } }')).allUnits as Array<{ id: string }>)[0].id;
      await ok(
        'mutation($c: ID!, $u: ID!) { createServiceEvaluation(compoundId: $c, responsibleUnitId: $u, year: 2025, half: 2, evaluatedOn: "2025-12-10", dissatisfactionRate: 30, result: PASS) { id } }',
        { c: compound, u: unit },
      );
      await ok('mutation($c: ID!) { createServiceCoverage(compoundId: $c, mode: COMMUNITY_FALLBACK, since: "2025-01-01", note: "兜底") { id } }', { c: ids[`compound2:${community}`] });
      await ok('mutation($c: ID!) { createNoticeLink(kind: COMMITTEE_BOARD, targetId: $c) { path } }', { c: compound });
      await ok('mutation($c: ID!) { createRevenueAudit(compoundId: $c, year: 2025, auditor: "某会计师事务所", auditedOn: "2026-02-10", outcome: NO_ISSUES) { id } }', { c: compound });
      const indicator = ((await ok('{ allIndicators(perPage: 1) { id } }')).allIndicators as Array<{ id: string }>)[0].id;
      await ok('mutation($i: ID!, $j: ID!) { createIndicatorMeasurement(indicatorId: $i, jurisdictionId: $j, measuredOn: "2026-01-31", value: 2) { id } }', { i: indicator, j: jid(community) });
      const programme = (await ok('mutation($j: ID) { createIncentiveProgramme(name: "示范小区奖励", trigger: DEMONSTRATION_SITE_ACCEPTED, jurisdictionId: $j) { id } }', { j: jid(street) }))
        .createIncentiveProgramme.id;
      ids[`programme:${street}`] = programme;
      await ok('mutation($p: ID!) { createIncentiveBudget(programmeId: $p, year: 2026, amount: "100000") { id } }', { p: programme });
      await ok('mutation($p: ID!, $c: ID!) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: "2026-01-10") { id } }', { p: programme, c: compound });
      const scheme = (
        await ok(
          `mutation($j: ID) { createRatingScheme(name: "${street}星级评定", jurisdictionId: $j, subjectKind: PROPERTY_COMPANY, periodKind: QUARTER, star2Min: 60, star3Min: 70, star4Min: 80, star5Min: 90,
            criteria: [{ code: "A", name: "满意度", weight: 100 }]) { id criteria { id } } }`,
          { j: jid(street) },
        )
      ).createRatingScheme;
      const period = (await ok('mutation($s: ID!) { createRatingPeriod(schemeId: $s, code: "2026Q1", startDate: "2026-01-01", endDate: "2026-03-31") { id } }', { s: scheme.id })).createRatingPeriod
        .id;
      ids[`period:${street}`] = period;
      await ok('mutation($p: ID!, $c: ID!, $k: ID!) { createRating(periodId: $p, propertyCompanyId: $c, scores: [{ criterionId: $k, score: 85 }]) { id } }', {
        p: period,
        c: company,
        k: scheme.criteria[0].id,
      });
      await ok('mutation($p: ID!) { publishRatingPeriod(periodId: $p, publishedOn: "2026-04-05") { id } }', { p: period });
      ids[`key:${street}`] = (await ok('mutation($j: ID) { issuePartnerKey(name: "招投标平台", jurisdictionId: $j) { secret } }', { j: jid(street) })).issuePartnerKey.secret;
      await ok('mutation($j: ID) { createPerson(name: "联络员", jurisdictionId: $j) { id } }', { j: jid(street) });

      for (const role of [Role.ADMIN, Role.PARTY_OFFICE, Role.AUDITOR]) {
        const u = await t.createUser({ username: `${role.toLowerCase()}-${J.get(street)}`, role, jurisdictionId: jid(street) });
        viewers.push({ label: `${role} of ${street}`, role, jurisdiction: street, token: u.token });
      }
      const staff = await t.createUser({ username: `staff-${J.get(community)}`, role: Role.UNIT_STAFF, unitId: await unitOf(community, community) });
      // the complaint handed to the community's unit: a notification its staff alone may read and mark
      await ok('mutation($id: ID!, $u: ID!) { updateComplaint(id: $id, assignedUnitId: $u) { id } }', { id: ids[`complaint:${community}`], u: await unitOf(community, community) });
      await ok('mutation($id: ID!) { advanceComplaint(id: $id, to: ASSIGNED, date: "2026-01-06") { id } }', { id: ids[`complaint:${community}`] });
      viewers.push({ label: `UNIT_STAFF of ${community}`, role: Role.UNIT_STAFF, jurisdiction: community, token: staff.token });
    }
    const city = await t.createUser({ username: 'party-office-city', role: Role.PARTY_OFFICE, jurisdictionId: jid('泉州市') });
    viewers.push({ label: 'PARTY_OFFICE of 泉州市', role: Role.PARTY_OFFICE, jurisdiction: '泉州市', token: city.token });
    // every role at every level the issue names: the city's auditor, a street office's unit staff, a community's own office
    const cityAuditor = await t.createUser({ username: 'auditor-city', role: Role.AUDITOR, jurisdictionId: jid('泉州市') });
    viewers.push({ label: 'AUDITOR of 泉州市', role: Role.AUDITOR, jurisdiction: '泉州市', token: cityAuditor.token });
    const streetStaff = await t.createUser({ username: 'staff-street', role: Role.UNIT_STAFF, unitId: await unitOf('社区发展办', '青阳街道') });
    viewers.push({ label: 'UNIT_STAFF of 青阳街道', role: Role.UNIT_STAFF, jurisdiction: '青阳街道', token: streetStaff.token });
    const communityOffice = await t.createUser({ username: 'office-yangguang', role: Role.PARTY_OFFICE, jurisdictionId: jid('阳光社区') });
    viewers.push({ label: 'PARTY_OFFICE of 阳光社区', role: Role.PARTY_OFFICE, jurisdiction: '阳光社区', token: communityOffice.token });
    // a progress report on the street's plan with a photo: read downwards, as the report is
    const [assignment] = await t.app.ds.query("SELECT a.id FROM assignment a JOIN unit u ON u.id = a.unitId WHERE u.name = '阳光社区' ORDER BY a.id LIMIT 1");
    const report = (
      await ok('mutation($a: ID!, $d: LocalDate!) { reportProgress(assignmentId: $a, reportDate: $d, status: IN_PROGRESS, note: "附件") { id } }', { a: String(assignment.id), d: todayInChina() })
    ).reportProgress.id;
    const photo = await request(t.app.express).post(`/files?targetType=ProgressReport&targetId=${report}&name=report.png`).set('authorization', `Bearer ${admin}`).send(png());
    if (photo.status !== 201) throw new Error(`upload: ${JSON.stringify(photo.body)}`);
  }, 180_000);
  afterAll(() => t?.close());

  it('knows who reads every type a root list field returns (a new type must be decided here)', () => {
    expect(LISTS.map((l) => l.type.name).filter((name) => !OWNERS[name])).toEqual([]);
  });

  it('has records of both streets to hide from each other, for the types that matter most', async () => {
    const boths = [
      'Compound',
      'OwnersCommittee',
      'CommitteeMember',
      'PartyOrganization',
      'PartyOrganizationMember',
      'ThreeHaveDesignation',
      'Complaint',
      'WorkingGroup',
      'Membership',
      'Person',
      'AwardCase',
      'IncentiveBudget',
      'Rating',
      'PartnerKey',
      'User',
      'AuditEvent',
      'Attachment',
    ];
    for (const type of boths) {
      const all = [...(await owners(type)).values()];
      const under = (street: string) => all.filter((o) => o != null && subtree(J.get(street)!).includes(o)).length;
      expect({ type, qingyang: under('青阳街道') > 0, baogai: under('宝盖镇') > 0 }).toEqual({ type, qingyang: true, baogai: true });
    }
  });

  it('lists, counts, gets and filters every type as the rule says, for every viewer', async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const v of viewers) {
      for (const { field, type } of LISTS) {
        const truth = await owners(type.name);
        const expected = [...truth].filter(([id, owner]) => readable(v.jurisdiction, reachOf(type.name, id), owner)).map(([id]) => id);
        const hidden = [...truth].filter(([id, owner]) => !readable(v.jurisdiction, reachOf(type.name, id), owner)).map(([id]) => id);
        const seen: string[] = [];
        let refused = false;
        for (let page = 0; ; page++) {
          const res = await t.gql(`query($p: Int) { ${field}(page: $p, perPage: 1000) { id } }`, { p: page }, v.token);
          if (res.errors) {
            if (codeOf(res) === 'FORBIDDEN' && res.errors[0].extensions?.reason === 'ROLE') refused = true;
            else problems.push(`${v.label} ${field}: ${res.errors[0].message}`);
            break;
          }
          const rows = (res.data[field] as Array<{ id: string }>).map((r) => r.id);
          seen.push(...rows);
          if (rows.length < 1000) break;
        }
        if (refused) continue;
        checked++;
        const extra = seen.filter((id) => !expected.includes(id));
        const missing = expected.filter((id) => !seen.includes(id));
        if (extra.length) problems.push(`${v.label} ${field} reads records of another office: ${extra.slice(0, 5).join(', ')}`);
        if (missing.length) problems.push(`${v.label} ${field} misses its own records: ${missing.slice(0, 5).join(', ')}`);
        // a text search finds nothing of another office either (where the list searches)
        const filterType = query[field].args.find((a) => a.name === 'filter')?.type;
        if (filterType && isInputObjectType(getNamedType(filterType)) && 'q' in (getNamedType(filterType) as GraphQLInputObjectType).getFields()) {
          const search = await t.gql(`{ ${field}(perPage: 1000, filter: { q: "社区" }) { id } }`, {}, v.token);
          const found = (search.data?.[field] ?? []) as Array<{ id: string }>;
          if (search.errors) problems.push(`${v.label} ${field}(q): ${search.errors[0].message}`);
          else if (found.some((r) => !expected.includes(r.id))) problems.push(`${v.label} ${field}(filter: { q }) reads records of another office`);
        }
        const meta = await t.gql(`{ _${field}Meta { count } }`, {}, v.token);
        if (meta.data?.[`_${field}Meta`]?.count !== expected.length) problems.push(`${v.label} _${field}Meta counts ${JSON.stringify(meta.data ?? meta.errors)}, not ${expected.length}`);
        if (hidden.length) {
          const sample = hidden.slice(0, 3);
          const byIds = await t.gql(`query($ids: [ID!]) { ${field}(filter: { ids: $ids }) { id } }`, { ids: sample }, v.token);
          if ((byIds.data?.[field] ?? []).length) problems.push(`${v.label} ${field}(filter: { ids }) reads hidden ${JSON.stringify(byIds.data[field])}`);
          if (query[type.name]) {
            for (const id of sample) {
              const one = await t.gql(`query($id: ID!) { ${type.name}(id: $id) { id } }`, { id }, v.token);
              if (one.data?.[type.name] !== null) problems.push(`${v.label} ${type.name}(id: ${id}) answers ${JSON.stringify(one.data ?? one.errors)} for a hidden record`);
            }
          }
        }
        // the lists inside each record it reads
        for (const nested of nestedLists(type).filter((x) => OWNERS[x.type.name])) {
          const nestedTruth = await owners(nested.type.name);
          const res = await t.gql(`{ ${field}(perPage: 5) { id ${nested.name} { id } } }`, {}, v.token);
          if (res.errors) {
            if (codeOf(res) !== 'FORBIDDEN') problems.push(`${v.label} ${field}.${nested.name}: ${res.errors[0].message}`);
            continue;
          }
          for (const row of res.data[field] as Array<Record<string, Array<{ id: string }>>>) {
            for (const child of row[nested.name] ?? []) {
              if (!readable(v.jurisdiction, reachOf(nested.type.name, child.id), nestedTruth.get(child.id) ?? null))
                problems.push(`${v.label} ${field}.${nested.name} shows hidden ${nested.type.name} ${child.id}`);
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(viewers.length * 20);
  }, 600_000);

  it('gives every user their own notifications and nobody else’s, whatever their office or role', async () => {
    const rows: Array<{ id: number | string; userId: number | string }> = await t.app.ds.query('SELECT id, userId FROM notification');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const v of viewers) {
      const res = await ok('{ me { id } myNotifications(perPage: 100) { id } myUnreadNotificationCount }', {}, v.token);
      const own = rows.filter((r) => String(r.userId) === res.me.id).map((r) => String(r.id));
      expect({ v: v.label, ids: (res.myNotifications as Array<{ id: string }>).map((n) => n.id).sort(), unread: res.myUnreadNotificationCount }).toEqual({
        v: v.label,
        ids: own.sort(),
        unread: own.length,
      });
    }
  });

  const viewer = (label: string) => viewers.find((v) => v.label === label)!;

  /** The type an id argument names, by its name (the convention every input follows), or by the mutation's own type for `id`. */
  const ID_TYPES: Record<string, string> = {
    compoundId: 'Compound',
    programmeId: 'IncentiveProgramme',
    periodId: 'RatingPeriod',
    groupId: 'WorkingGroup',
    planId: 'Plan',
    schemeId: 'RatingScheme',
    caseId: 'AwardCase',
    documentId: 'PolicyDocument',
    citingDocumentId: 'PolicyDocument',
    citedDocumentId: 'PolicyDocument',
    sourceDocumentId: 'PolicyDocument',
    jurisdictionId: 'Jurisdiction',
    communityId: 'Jurisdiction',
    parentId: 'Jurisdiction',
    recipientJurisdictionId: 'Jurisdiction',
    ownerJurisdictionId: 'Jurisdiction',
    scopeId: 'Jurisdiction',
    unitId: 'Unit',
    hostUnitId: 'Unit',
    assignedUnitId: 'Unit',
    personId: 'Person',
    successorId: 'Person',
    postId: 'Post',
    assignmentId: 'Assignment',
    indicatorId: 'Indicator',
    keyWorkId: 'KeyWork',
    taskItemId: 'TaskItem',
    milestoneId: 'Milestone',
    ruleId: 'IncentiveRule',
    propertyCompanyId: 'PropertyCompany',
    recipientCompanyId: 'PropertyCompany',
    partyOrganizationId: 'PartyOrganization',
    committeeMemberId: 'CommitteeMember',
    ownersCommitteeId: 'OwnersCommittee',
    ratingId: 'Rating',
    keyId: 'PartnerKey',
    membershipIds: 'Membership',
    criterionId: 'RatingCriterion',
  };

  it('writes nothing into another office through any mutation of the schema (every id argument naming a record of 青阳街道)', async () => {
    const qingyang = J.get('青阳街道')!;
    const inQingyang = async (type: string): Promise<string | undefined> => {
      if (type === 'Jurisdiction') return String(J.get('阳光社区'));
      if (type === 'RatingCriterion')
        return (await t.app.ds.query('SELECT c.id FROM rating_criterion c JOIN rating_scheme s ON s.id = c.schemeId WHERE s.jurisdictionId = ?', [qingyang]))[0]?.id?.toString();
      if (!OWNERS[type]) return undefined;
      const truth = await owners(type);
      return [...truth].find(([, owner]) => owner != null && subtree(qingyang).includes(owner))?.[0];
    };
    const mutations = Object.values(schema.getMutationType()!.getFields());
    const problems: string[] = [];
    let tried = 0;
    const attackers = [viewer('ADMIN of 宝盖镇'), viewer('PARTY_OFFICE of 宝盖镇'), viewer('UNIT_STAFF of 龙穴社区')];
    const before = await snapshot(t.app.ds);
    for (const m of mutations) {
      const selfType = getNamedType(m.type).name;
      // every argument: ids of 青阳街道's records, other required ones a dummy (as the permission matrix sends them)
      const idArgs: Record<string, string> = {};
      const literalOf = async (name: string, type: GraphQLInputType): Promise<string | undefined> => {
        const inner = isNonNullType(type) ? type.ofType : type;
        if (isListType(inner)) {
          const one = await literalOf(name, inner.ofType);
          return one === undefined ? undefined : `[${one}]`;
        }
        const named = getNamedType(inner);
        if (isInputObjectType(named)) {
          const parts: string[] = [];
          for (const f of Object.values(named.getFields())) {
            const v = (isNonNullType(f.type) && f.defaultValue === undefined) || ID_TYPES[f.name] ? await literalOf(f.name, f.type) : undefined;
            if (v !== undefined) parts.push(`${f.name}: ${v}`);
            else if (isNonNullType(f.type) && f.defaultValue === undefined) return undefined;
          }
          return `{ ${parts.join(', ')} }`;
        }
        if (named.name === 'ID') {
          const id = await inQingyang(name === 'id' || name === 'ids' ? selfType : (ID_TYPES[name] ?? ''));
          if (id === undefined) return undefined;
          idArgs[name] = id;
          return `"${id}"`;
        }
        return undefined;
      };
      const overrides: Record<string, string> = {};
      let unknown = false;
      for (const a of m.args) {
        const named = getNamedType(a.type);
        if (named.name !== 'ID' && !isInputObjectType(named) && !ID_TYPES[a.name]) continue;
        const v = await literalOf(a.name, a.type);
        if (v !== undefined) overrides[a.name] = v;
        else if (isNonNullType(a.type)) unknown = true;
      }
      if (unknown || Object.keys(idArgs).length === 0) continue;
      const op = operationFor({ endpoint: 'admin', kind: 'mutation', name: m.name, field: m as never }, overrides);
      for (const a of attackers) {
        tried++;
        const res = await t.gql(op, {}, a.token);
        if (!res.errors?.length) problems.push(`${a.label}: ${op} was applied`);
        else if (!['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT', 'CONFLICT'].includes(String(codeOf(res)))) problems.push(`${a.label}: ${op} → ${JSON.stringify(res.errors[0])}`);
      }
    }
    expect(problems).toEqual([]);
    const after = await snapshot(t.app.ds);
    expect(Object.keys(after).filter((table) => after[table] !== before[table])).toEqual([]);
    expect(tried).toBeGreaterThan(3 * 60);
  }, 300_000);

  it('refuses the reproductions of issue 14', async () => {
    // a PARTY_OFFICE user of 青阳街道 renames a compound of 龙穴社区, 宝盖镇: not theirs to see, so not found
    const office = viewer('PARTY_OFFICE of 青阳街道');
    const rename = await t.gql('mutation($id: ID!) { updateCompound(id: $id, name: "改名") { id } }', { id: ids['compound:龙穴社区'] }, office.token);
    expect(codeOf(rename)).toBe('NOT_FOUND');
    // a UNIT_STAFF user of 阳光社区 reads only their community's users and no street's payouts or budgets
    const staff = viewer('UNIT_STAFF of 阳光社区');
    const read = await t.gql('{ allIncentiveBudgets { id } allAwardCases { id } allPayouts { id } }', {}, staff.token);
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ allIncentiveBudgets: [], allAwardCases: [], allPayouts: [] });
    // the community records what it knows of its own compounds, and nothing of another community
    const committee = await t.gql('mutation($c: ID!) { createOwnersCommittee(compoundId: $c, kind: ELECTED, formedOn: "2025-01-01") { id } }', { c: ids['compound2:阳光社区'] }, staff.token);
    expect(committee.errors).toBeUndefined();
    const indicator = ((await ok('{ allIndicators(perPage: 1) { id } }')).allIndicators as Array<{ id: string }>)[0].id;
    const measured = await t.gql(
      'mutation($i: ID!, $j: ID!) { createIndicatorMeasurement(indicatorId: $i, jurisdictionId: $j, measuredOn: "2026-02-28", value: 3) { id } }',
      { i: indicator, j: String(J.get('阳光社区')) },
      staff.token,
    );
    expect(measured.errors).toBeUndefined();
    const elsewhere = await t.gql(
      'mutation($i: ID!, $j: ID!) { createIndicatorMeasurement(indicatorId: $i, jurisdictionId: $j, measuredOn: "2026-02-28", value: 3) { id } }',
      { i: indicator, j: String(J.get('莲屿社区')) },
      staff.token,
    );
    expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    // the 青阳 quarter does not rank a 宝盖镇 company, even for the root admin
    const ranked = await t.gql('mutation($p: ID!, $c: ID!) { createRating(periodId: $p, propertyCompanyId: $c) { id } }', { p: ids['period:青阳街道'], c: ids['company:宝盖镇'] }, admin);
    expect(ranked.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'propertyCompanyId', reason: 'SUBJECT_OUTSIDE' });
  });

  it('lets a user see but not change what an office above them issued (FORBIDDEN), and write nothing into another office', async () => {
    const community = viewer('UNIT_STAFF of 阳光社区');
    const street = viewer('PARTY_OFFICE of 青阳街道');
    const city = viewer('PARTY_OFFICE of 泉州市');
    const doc = ((await ok('{ allPolicyDocuments(filter: { q: "泉州" }) { id } }', {}, street.token)).allPolicyDocuments as Array<{ id: string }>)[0].id;
    // the street reads the city's document and may not edit it
    const edit = await t.gql('mutation($id: ID!) { updatePolicyDocument(id: $id, note: "改") { id } }', { id: doc }, street.token);
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    // the city reads the street's roster and does not edit it
    const group = ((await ok('{ allWorkingGroups(filter: { q: "青阳街道" }) { id } }', {}, city.token)).allWorkingGroups as Array<{ id: string }>)[0].id;
    const rename = await t.gql('mutation($id: ID!) { updateWorkingGroup(id: $id, name: "改名") { id } }', { id: group }, city.token);
    expect(rename.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    // a street cannot place a compound in another street's community, nor a committee on another street's compound
    const placed = await t.gql('mutation($c: ID!) { createCompound(name: "越界小区", communityId: $c, managementMode: NONE) { id } }', { c: String(J.get('龙穴社区')) }, street.token);
    expect(placed.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    const onTheirs = await t.gql('mutation($c: ID!) { createOwnersCommittee(compoundId: $c, kind: ELECTED, formedOn: "2025-01-01") { id } }', { c: ids['compound:龙穴社区'] }, street.token);
    expect(onTheirs.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_REFERENCE' });
    // a community user writes no compound of the street's other communities
    const sibling = await t.gql('mutation($c: ID!) { createCompound(name: "隔壁小区", communityId: $c, managementMode: NONE) { id } }', { c: String(J.get('莲屿社区')) }, community.token);
    expect(codeOf(sibling)).toBe('FORBIDDEN');
    // nothing was written by any of these
    const count = await t.app.ds.query("SELECT COUNT(*) AS n FROM compound WHERE name IN ('越界小区', '隔壁小区', '改名')");
    expect(Number(count[0].n)).toBe(0);
  });

  it('gives an office ADMIN the users of its own subtree only, and no way to make one elsewhere or at the root', async () => {
    const streetAdmin = viewer('ADMIN of 青阳街道');
    const mine = await t.gql(
      'mutation($j: ID!) { createUser(username: "yangguang-admin", displayName: "阳光社区管理员", password: "set-by-admin-123", role: ADMIN, jurisdictionId: $j) { id jurisdictionId } }',
      { j: String(J.get('阳光社区')) },
      streetAdmin.token,
    );
    expect(mine.errors).toBeUndefined();
    const defaulted = await t.gql(
      'mutation { createUser(username: "qingyang-auditor2", displayName: "审计", password: "set-by-admin-123", role: AUDITOR) { id jurisdictionId } }',
      {},
      streetAdmin.token,
    );
    expect(defaulted.data.createUser.jurisdictionId).toBe(String(J.get('青阳街道')));
    const elsewhere = await t.gql(
      'mutation($j: ID!) { createUser(username: "baogai-x", displayName: "x", password: "set-by-admin-123", role: ADMIN, jurisdictionId: $j) { id } }',
      { j: String(J.get('宝盖镇')) },
      streetAdmin.token,
    );
    expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    const up = await t.gql(
      'mutation($j: ID!) { createUser(username: "city-x", displayName: "x", password: "set-by-admin-123", role: ADMIN, jurisdictionId: $j) { id } }',
      { j: String(J.get('晋江市')) },
      streetAdmin.token,
    );
    expect(codeOf(up)).toBe('FORBIDDEN');
    const rootAdmin = ((await ok('{ allUsers(filter: { q: "admin" }) { id username } }')).allUsers as Array<{ id: string; username: string }>).find((u) => u.username === 'admin')!;
    const promote = await t.gql('mutation($id: ID!) { updateUser(id: $id, displayName: "接管") { id } }', { id: rootAdmin.id }, streetAdmin.token);
    expect(codeOf(promote)).toBe('NOT_FOUND');
    // a unit's staff works where the unit is
    const unit = ((await ok('{ allUnits(filter: { q: "龙穴社区" }) { id } }')).allUnits as Array<{ id: string }>)[0].id;
    const misplaced = await ok('query($id: ID!) { Unit(id: $id) { id } }', { id: unit });
    expect(misplaced.Unit).not.toBeNull();
    const wrong = await t.gql(
      'mutation($u: ID!, $j: ID!) { createUser(username: "staff-wrong", displayName: "x", password: "set-by-admin-123", role: UNIT_STAFF, unitId: $u, jurisdictionId: $j) { id } }',
      {
        u: unit,
        j: String(J.get('宝盖镇')),
      },
      admin,
    );
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jurisdictionId', reason: 'UNIT_ELSEWHERE' });
  });

  it('lets an office import into its own roster, the new people and posts becoming its own', async () => {
    const office = viewer('PARTY_OFFICE of 青阳街道');
    const group = ((await ok('{ allWorkingGroups(filter: { q: "青阳街道" }) { id } }', {}, office.token)).allWorkingGroups as Array<{ id: string }>)[0].id;
    const res = await t.gql(
      'mutation($g: ID!) { importRoster(groupId: $g, rows: [{ line: 2, name: "新成员甲", role: "成员", post: "青阳街道新设岗位" }]) { committed added rejected } }',
      { g: group },
      office.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.importRoster).toMatchObject({ committed: true, added: 1, rejected: 0 });
    const [person] = await t.app.ds.query("SELECT jurisdictionId FROM person WHERE name = '新成员甲'");
    const [post] = await t.app.ds.query("SELECT jurisdictionId FROM post WHERE title = '青阳街道新设岗位'");
    expect([Number(person.jurisdictionId), Number(post.jurisdictionId)]).toEqual([J.get('青阳街道'), J.get('青阳街道')]);
    // and 宝盖镇 does not see them
    const seen = await ok('{ allPeople(filter: { q: "新成员甲" }) { id } }', {}, viewer('PARTY_OFFICE of 宝盖镇').token);
    expect(seen.allPeople).toEqual([]);
  });

  it('lets no one change through an import, a workflow move, a nested id or a report what they may only read', async () => {
    const city = viewer('PARTY_OFFICE of 泉州市');
    // the city reads 青阳街道's rating period and may not import scores into it
    const company = ((await ok('query($id: ID!) { PropertyCompany(id: $id) { uscc } }', { id: ids['company:青阳街道'] })).PropertyCompany as { uscc: string }).uscc;
    const imported = await t.gql(
      'mutation($p: ID!, $u: String!) { importRatings(periodId: $p, rows: [{ line: 2, uscc: $u, scores: [{ criterion: "A", score: "10" }] }]) { committed } }',
      { p: ids['period:青阳街道'], u: company },
      city.token,
    );
    expect(imported.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    // nor move 青阳街道's award case
    const awardCase = ((await ok('query($p: ID!) { allAwardCases(filter: { programmeId: $p }) { id } }', { p: ids['programme:青阳街道'] })).allAwardCases as Array<{ id: string }>)[0].id;
    const moved = await t.gql('mutation($id: ID!) { advanceAwardCase(id: $id, to: REJECTED, date: "2026-01-11", reason: "市里驳回") { id } }', { id: awardCase }, city.token);
    expect(moved.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    // a scheme's criteria cannot cite a document 宝盖镇 cannot read (it would show it back)
    const doc = ((await ok('{ allPolicyDocuments(filter: { q: "青阳" }) { id } }')).allPolicyDocuments as Array<{ id: string }>)[0].id;
    const cited = await t.gql(
      'mutation($d: ID!) { createRatingScheme(name: "引用", subjectKind: PROPERTY_COMPANY, periodKind: QUARTER, star2Min: 60, star3Min: 70, star4Min: 80, star5Min: 90, criteria: [{ code: "A", name: "x", weight: 100, sourceDocumentId: $d }]) { criteria { sourceDocument { title } } } }',
      { d: doc },
      viewer('PARTY_OFFICE of 宝盖镇').token,
    );
    expect(cited.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_REFERENCE' });
    // a community's office reports no progress for a sibling community's unit on the street's plan
    const sibling = await t.app.ds.query("SELECT a.id FROM assignment a JOIN unit u ON u.id = a.unitId JOIN jurisdiction j ON j.id = u.jurisdictionId WHERE j.name = '莲屿社区' ORDER BY a.id LIMIT 1");
    const reported = await t.gql(
      'mutation($a: ID!) { reportProgress(assignmentId: $a, reportDate: "2026-01-05", status: DONE, note: "代报") { id } }',
      { a: String(sibling[0].id) },
      viewer('PARTY_OFFICE of 阳光社区').token,
    );
    expect(reported.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    // an office's ADMIN adds a community and works on at once (the tree reloads; nothing fails meanwhile)
    const made = await t.gql(
      'mutation($p: ID!) { createJurisdiction(name: "新设社区", level: COMMUNITY, parentId: $p) { id units { id } } }',
      { p: String(J.get('青阳街道')) },
      viewer('ADMIN of 青阳街道').token,
    );
    expect(made.errors).toBeUndefined();
    const compound = await t.gql(
      'mutation($c: ID!) { createCompound(name: "新设小区", communityId: $c, managementMode: NONE) { id } }',
      { c: made.data.createJurisdiction.id },
      viewer('ADMIN of 青阳街道').token,
    );
    expect(compound.errors).toBeUndefined();
  });

  it('records the owning jurisdiction on every audit event of a write', async () => {
    const staff = viewer('UNIT_STAFF of 阳光社区');
    const made = await t.gql(
      'mutation($c: ID!) { createPartyOrganization(compoundId: $c, name: "第二支部", form: JOINT, formalMemberCount: 1, formedOn: "2025-01-01") { id } }',
      { c: ids['compound:阳光社区'] },
      staff.token,
    );
    expect(made.errors).toBeUndefined();
    const [event] = await t.app.ds.query("SELECT jurisdictionId FROM audit_event WHERE entityType = 'PartyOrganization' AND entityId = ? AND action = 'CREATE'", [
      made.data.createPartyOrganization.id,
    ]);
    expect(Number(event.jurisdictionId)).toBe(J.get('阳光社区'));
    // and the street's auditor reads it; 宝盖镇's does not
    const q = '{ allAuditEvents(filter: { entityType: "PartyOrganization" }, perPage: 200) { id entityId } }';
    const mine = (await ok(q, {}, viewer('AUDITOR of 青阳街道').token)).allAuditEvents as Array<{ entityId: string }>;
    const theirs = (await ok(q, {}, viewer('AUDITOR of 宝盖镇').token)).allAuditEvents as Array<{ entityId: string }>;
    expect(mine.map((e) => e.entityId)).toContain(made.data.createPartyOrganization.id);
    expect(theirs.map((e) => e.entityId)).not.toContain(made.data.createPartyOrganization.id);
  });

  it('scopes the dashboards, totals and previews as the lists', async () => {
    const baogai = viewer('PARTY_OFFICE of 宝盖镇');
    const board = await ok(
      '{ overdue: deadlinePage(asOf: "2026-12-31", state: OVERDUE) { totalCount } soon: deadlinePage(asOf: "2025-01-01", state: DUE_SOON, days: 366) { totalCount } units: unitProgressPage(asOf: "2026-12-31") { totalCount } taskRollup(asOf: "2026-12-31", by: UNIT) { totalCount nodes { total } } }',
      {},
      baogai.token,
    );
    // 宝盖镇 has no task list of its own (the seeds' lists are 青阳街道's): nothing of 青阳 reaches its dashboard
    expect([board.overdue.totalCount, board.soon.totalCount, board.units.totalCount, board.taskRollup.totalCount]).toEqual([0, 0, 0, 0]);
    expect(board.taskRollup.nodes).toEqual([]);
    const qingyang = await ok(
      '{ deadlinePage(asOf: "2026-12-31", state: OVERDUE) { totalCount } taskRollup(asOf: "2026-12-31", by: UNIT) { totalCount } }',
      {},
      viewer('UNIT_STAFF of 阳光社区').token,
    );
    expect(qingyang.deadlinePage.totalCount).toBeGreaterThan(0);
    expect(qingyang.taskRollup.totalCount).toBe(1);
    const preview = await t.gql('query($p: ID!) { ratingPublicationPreview(periodId: $p) { ready } }', { p: ids['period:青阳街道'] }, baogai.token);
    expect(codeOf(preview)).toBe('NOT_FOUND');
    // incentive totals count only the office's own programmes
    const totals = await ok('{ incentiveTotals(by: PROGRAMME) { programmeId } }', {}, baogai.token);
    expect(totals.incentiveTotals.map((r: { programmeId: string }) => r.programmeId).filter((p: string) => p === ids['programme:青阳街道'])).toEqual([]);
  });

  it('lets a partner key read only the editions published within the area of the office that issued it', async () => {
    const city = (await ok('mutation($j: ID) { issuePartnerKey(name: "市信用平台", jurisdictionId: $j) { secret } }', { j: String(J.get('泉州市')) })).issuePartnerKey.secret;
    const editions = async (key: string) => {
      const res = await t.partner('{ editions(first: 100) { edges { node { id period { code } } } } }', {}, key);
      expect(res.errors).toBeUndefined();
      return (res.data.editions.edges as Array<{ node: { id: string } }>).map((e) => e.node.id);
    };
    const [qingyang, baogai, all] = [await editions(ids['key:青阳街道']), await editions(ids['key:宝盖镇']), await editions(city)];
    expect(qingyang).toHaveLength(1);
    expect(baogai).toHaveLength(1);
    expect(qingyang).not.toEqual(baogai);
    expect(all).toEqual(expect.arrayContaining([...qingyang, ...baogai]));
    // a company is barred or not by what its own area published: 宝盖镇's key finds 青阳街道's company, with no stars
    const standing = async (key: string) => {
      const res = await t.partner(`{ companyStanding(uscc: "${uscc0}") { starsHistory { period { code } stars } } }`, {}, key);
      expect(res.errors).toBeUndefined();
      return res.data.companyStanding;
    };
    // 青阳街道's company: rated by 青阳街道's edition, which 宝盖镇's key does not read
    expect((await standing(ids['key:青阳街道'])).starsHistory).toHaveLength(1);
    expect((await standing(ids['key:宝盖镇'])).starsHistory).toEqual([]);
  });

  it('keeps the keys an office writes in its own books per office: a 文号, a plan’s name under a city document, a roster’s post titles', async () => {
    const qy = viewer('PARTY_OFFICE of 青阳街道');
    const bg = viewer('PARTY_OFFICE of 宝盖镇');
    const field = (r: GqlResponse) => [codeOf(r), r.errors?.[0].extensions?.field];
    // 文号: two offices may each number a notice 〔2026〕1号, one office not twice (and the second office learns nothing of the first)
    const notice = (token: string) => t.gql('mutation { createPolicyDocument(title: "关于开展小区议事的通知", issuer: "党建办", docNumber: "〔2026〕1号") { id } }', {}, token);
    expect((await notice(qy.token)).errors).toBeUndefined();
    expect((await notice(bg.token)).errors).toBeUndefined();
    expect(field(await notice(qy.token))).toEqual(['CONFLICT', 'docNumber']);

    // a plan under the city's document, named alike by both streets
    const [cityDoc] = await t.app.ds.query(`SELECT id FROM policy_document WHERE jurisdictionId = ${J.get('泉州市')} ORDER BY id`);
    const plan = (token: string, street: string) =>
      t.gql(
        'mutation($d: ID!, $j: ID!, $rows: [TaskListRowInput!]!) { importTaskList(documentId: $d, jurisdictionId: $j, name: "落实市级方案的任务清单", rows: $rows) { committed rejected } }',
        { d: String(cityDoc.id), j: String(J.get(street)), rows: [{ line: 2, cells: ['一、完善工作机制', '(一)健全议事制度', '各社区每季度召开一次小区议事会。', '各社区', '长期坚持'] }] },
        token,
      );
    for (const [token, street] of [
      [qy.token, '青阳街道'],
      [bg.token, '宝盖镇'],
    ]) {
      const res = await plan(token, street);
      expect(res.errors).toBeUndefined();
      expect(res.data.importTaskList).toEqual({ committed: true, rejected: 0 });
    }
    expect(field(await plan(qy.token, '青阳街道'))).toEqual(['CONFLICT', 'name']);

    // a roster's post title names the group's own office's post; never a community's the street ADMIN happens to read, nor the city's
    const streetAdmin = viewer('ADMIN of 青阳街道');
    await ok('mutation($j: ID) { createPost(title: "网格长", jurisdictionId: $j) { id } }', { j: String(J.get('阳光社区')) });
    const cityPost = (await ok('mutation($j: ID) { createPost(title: "市委组织部联络员", jurisdictionId: $j) { id } }', { j: String(J.get('泉州市')) })).createPost.id;
    const group = ((await ok('{ allWorkingGroups(filter: { q: "青阳街道" }) { id } }', {}, streetAdmin.token)).allWorkingGroups as Array<{ id: string }>)[0].id;
    const res = await t.gql(
      'mutation($g: ID!) { importRoster(groupId: $g, rows: [{ line: 2, name: "网格员乙", role: "成员", post: "网格长" }, { line: 3, name: "联络员丙", role: "成员", post: "市委组织部联络员" }]) { committed rejected } }',
      { g: group },
      streetAdmin.token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.importRoster).toEqual({ committed: true, rejected: 0 });
    const seats: Array<{ name: string; postId: number | string; owner: number | string }> = await t.app.ds.query(
      `SELECT p.name, m.postId, o.jurisdictionId AS owner FROM membership m JOIN person p ON p.id = m.personId JOIN post o ON o.id = m.postId WHERE m.groupId = ${Number(group)} AND p.name IN ('网格员乙', '联络员丙') ORDER BY p.name`,
    );
    expect(seats.map((s) => [s.name, Number(s.owner)])).toEqual([
      ['网格员乙', J.get('青阳街道')],
      ['联络员丙', J.get('青阳街道')],
    ]);
    expect(seats.map((s) => String(s.postId))).not.toContain(String(cityPost));
  });

  it('names at start-up the accounts that still act in every office', async () => {
    await t.createUser({ username: 'office-before-offices', role: Role.PARTY_OFFICE });
    const lines: string[] = [];
    await t.app.services.auth.warnOfficeless((line) => lines.push(line));
    await t.app.services.partnerKey.warnOfficeless((line) => lines.push(line));
    expect(lines.join('\n')).toContain('office-before-offices (PARTY_OFFICE)');
    expect(lines.join('\n')).not.toMatch(/\badmin \(ADMIN\)/); // the first admin runs the platform
    expect(lines.join('\n')).not.toContain('party-office-city');
  });
});
