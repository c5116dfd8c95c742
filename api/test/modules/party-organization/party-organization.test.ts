import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { usccCheckChar } from '../../../src/common/uscc';
import { Role } from '../../../src/common/roles';
import { PartyOrganizationForm } from '../../../src/modules/party-organization/party-organization.entity';
import { PartyBranchRole } from '../../../src/modules/party-organization/party-organization-member.entity';
import * as rules from '../../../src/modules/party-organization/party-organization.rules';
import { dbKind } from '../../db';
import { codeOf, fieldOf, type GqlResponse, startTestApp, type TestApp } from '../../harness';

/*
 * The party-organisation ledger (issue 15; 002 一.2, 000 附件 二(一)–(二), 004 二(一), 001 四(一)2): a
 * compound's or a company's organisation, the form its formal members allow, the 党建指导员 where it
 * has none, 双向进入、交叉任职 with the owners' committee, and the coverage of compounds and of “三有”
 * companies, each at fixed dates, on both databases.
 */

describe('party-organisation rules (pure)', () => {
  it('allows 单建 from 3 formal members, not with 2 (002 一.2: 3名以上正式党员)', () => {
    expect(rules.formRefusal(PartyOrganizationForm.SINGLE, 3)).toBeNull();
    expect(rules.formRefusal(PartyOrganizationForm.SINGLE, 2)).toBe('TOO_FEW_FOR_SINGLE');
    expect(rules.formRefusal(PartyOrganizationForm.SINGLE, 0)).toBe('TOO_FEW_FOR_SINGLE');
    for (const form of [PartyOrganizationForm.JOINT, PartyOrganizationForm.CONCURRENT, PartyOrganizationForm.FUNCTIONAL, PartyOrganizationForm.PROVISIONAL]) {
      expect(rules.formRefusal(form, 2)).toBeNull();
    }
    expect(rules.maySingle(3)).toBe(true);
    expect(rules.maySingle(2)).toBe(false);
    expect(rules.maySingle(null)).toBe(false);
  });

  it('gives 功能型 to units with party members only, and asks a 党建指导员 where there are none', () => {
    expect(rules.formRefusal(PartyOrganizationForm.FUNCTIONAL, 0)).toBe('FUNCTIONAL_NEEDS_MEMBERS');
    expect(rules.formRefusal(PartyOrganizationForm.FUNCTIONAL, 1)).toBeNull();
    expect(rules.formRefusal(PartyOrganizationForm.JOINT, 0)).toBeNull();
    expect(rules.formRefusal(PartyOrganizationForm.CONCURRENT, 0)).toBeNull();
    expect(rules.instructorRequired(0)).toBe(true);
    expect(rules.instructorRequired(1)).toBe(false);
    // a row from before the counts were kept is not judged
    expect(rules.formRefusal(PartyOrganizationForm.SINGLE, null)).toBeNull();
    expect(rules.instructorRequired(null)).toBe(false);
  });

  const committee = { formedOn: '2024-01-01', dissolvedOn: null, termEndsOn: '2028-12-31' };
  const seat = (branchRole: PartyBranchRole, member: Partial<rules.CrossSeat['member']> = {}): rules.CrossSeat => ({
    branchRole,
    member: { servedFrom: null, servedTo: null, removedOn: null, ...member },
    committee,
  });

  it('derives 双向进入、交叉任职 from a committee member in the branch and one of its 班子 on the committee', () => {
    expect(rules.crossServing([], '2025-06-30')).toBe(false);
    // a committee member who is a plain branch member: only one way
    expect(rules.crossServing([seat(PartyBranchRole.MEMBER)], '2025-06-30')).toBe(false);
    expect(rules.crossServingSeats([seat(PartyBranchRole.MEMBER)], '2025-06-30')).toHaveLength(1);
    // the secretary on the committee (一肩挑) makes both ways
    expect(rules.crossServing([seat(PartyBranchRole.SECRETARY)], '2025-06-30')).toBe(true);
    expect(rules.crossServing([seat(PartyBranchRole.MEMBER), seat(PartyBranchRole.COMMITTEE_MEMBER)], '2025-06-30')).toBe(true);
  });

  it('counts a seat only while the member and the committee serve', () => {
    const s = seat(PartyBranchRole.SECRETARY, { servedFrom: '2024-03-01', removedOn: '2025-07-01' });
    expect(rules.crossServing([s], '2024-02-29')).toBe(false);
    expect(rules.crossServing([s], '2024-03-01')).toBe(true);
    expect(rules.crossServing([s], '2025-06-30')).toBe(true);
    expect(rules.crossServing([s], '2025-07-01')).toBe(false);
    expect(rules.crossServing([{ ...s, committee: { ...committee, dissolvedOn: '2024-12-31' } }], '2025-01-01')).toBe(false);
    expect(rules.crossServing([seat(PartyBranchRole.SECRETARY, { servedTo: '2024-12-31' })], '2025-01-01')).toBe(false);
  });

  it('counts holders, not organisations, serving on the day', () => {
    const orgs = [
      { holder: 1, formedOn: '2024-01-01', dissolvedOn: null },
      { holder: 1, formedOn: '2024-06-01', dissolvedOn: null },
      { holder: 2, formedOn: '2024-01-01', dissolvedOn: '2024-12-31' },
      { holder: 3, formedOn: '2025-07-01', dissolvedOn: null },
    ];
    expect([...rules.coveredOn([1, 2, 3, 4], orgs, '2024-12-31')].sort()).toEqual([1, 2]);
    expect([...rules.coveredOn([1, 2, 3, 4], orgs, '2025-01-01')]).toEqual([1]);
    expect([...rules.coveredOn([1, 2, 3, 4], orgs, '2025-07-01')].sort()).toEqual([1, 3]);
    expect(rules.percent(1, 3)).toBe(33.33);
    expect(rules.percent(0, 0)).toBeNull();
  });
});

describe(`party-organisation ledger (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  const J = new Map<string, string>();
  let n = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const js = (await ok('{ allJurisdictions(perPage: 1000) { id name } }')).allJurisdictions as Array<{ id: string; name: string }>;
    for (const j of js) J.set(j.name, j.id);
  });
  afterAll(() => t.close());

  async function ok(query: string, variables: Record<string, unknown> = {}, token = admin) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const refusal = (r: GqlResponse) => [codeOf(r), fieldOf(r), r.errors?.[0]?.extensions?.reason];
  const compound = async (community = '阳光社区') =>
    (await ok('mutation($c: ID!, $n: String!) { createCompound(name: $n, communityId: $c, managementMode: NONE) { id } }', { c: J.get(community), n: `党组织小区${++n}` })).createCompound.id as string;
  const company = async (registeredIn: string | null = '阳光社区') => {
    const base = `91350582MA2PY${String(++n).padStart(4, '0')}`;
    return (
      await ok('mutation($n: String!, $u: String!, $j: ID) { createPropertyCompany(name: $n, uscc: $u, jurisdictionId: $j) { id } }', {
        n: `党组织物业${n}`,
        u: base + usccCheckChar(base),
        j: registeredIn && J.get(registeredIn),
      })
    ).createPropertyCompany.id as string;
  };
  const ORG = 'id compoundId propertyCompanyId jurisdictionId form formalMemberCount secretaryName instructorName maySingle instructorRequired';
  const createOrg = (args: Record<string, unknown>, token = admin) =>
    t.gql(
      `mutation($c: ID, $p: ID, $j: ID, $f: PartyOrganizationForm!, $m: Int!, $s: String, $i: String, $on: LocalDate!, $off: LocalDate) {
        createPartyOrganization(compoundId: $c, propertyCompanyId: $p, jurisdictionId: $j, form: $f, formalMemberCount: $m, secretaryName: $s, instructorName: $i, name: "党支部", formedOn: $on, dissolvedOn: $off) { ${ORG} } }`,
      { f: 'JOINT', m: 1, on: '2024-01-01', ...args },
      token,
    );

  it('belongs to a compound or to a property company, exactly one', async () => {
    expect(refusal(await createOrg({}))).toEqual(['BAD_USER_INPUT', 'compoundId', 'COMPOUND_OR_COMPANY']);
    expect(refusal(await createOrg({ c: await compound(), p: await company() }))).toEqual(['BAD_USER_INPUT', 'propertyCompanyId', 'COMPOUND_OR_COMPANY']);
    const c = await compound();
    const made = await createOrg({ c });
    expect(made.errors).toBeUndefined();
    // a compound's organisation comes under the compound's community, whatever is named
    expect(made.data.createPartyOrganization).toMatchObject({ compoundId: c, propertyCompanyId: null, jurisdictionId: J.get('阳光社区') });
    const moved = await t.gql('mutation($id: ID!, $p: ID) { updatePartyOrganization(id: $id, propertyCompanyId: $p) { id } }', { id: made.data.createPartyOrganization.id, p: await company() }, admin);
    expect(refusal(moved)).toEqual(['BAD_USER_INPUT', 'propertyCompanyId', 'COMPOUND_OR_COMPANY']);
  });

  it('refuses 单建 under 3 formal members with a coded reason, and allows 联建 and 兼合式', async () => {
    const c = await compound();
    expect(refusal(await createOrg({ c, f: 'SINGLE', m: 2 }))).toEqual(['BAD_USER_INPUT', 'form', 'TOO_FEW_FOR_SINGLE']);
    const joint = await createOrg({ c, f: 'JOINT', m: 2, s: '王书记' });
    expect(joint.errors).toBeUndefined();
    expect(joint.data.createPartyOrganization).toMatchObject({ form: 'JOINT', formalMemberCount: 2, secretaryName: '王书记', maySingle: false, instructorRequired: false });
    expect((await createOrg({ c, f: 'CONCURRENT', m: 2 })).errors).toBeUndefined();
    const single = await createOrg({ c: await compound(), f: 'SINGLE', m: 3 });
    expect(single.data.createPartyOrganization).toMatchObject({ form: 'SINGLE', maySingle: true });
    // an update that drops the count under 3 is refused too
    const down = await t.gql('mutation($id: ID!) { updatePartyOrganization(id: $id, formalMemberCount: 2) { id } }', { id: single.data.createPartyOrganization.id }, admin);
    expect(refusal(down)).toEqual(['BAD_USER_INPUT', 'form', 'TOO_FEW_FOR_SINGLE']);
  });

  it('asks a 党建指导员 by name where there are no formal members, and gives 功能型 only to units with members', async () => {
    const c = await compound();
    expect(refusal(await createOrg({ c, m: 0 }))).toEqual(['BAD_USER_INPUT', 'instructorName', 'INSTRUCTOR_REQUIRED']);
    expect(refusal(await createOrg({ c, m: 0, i: '  ' }))).toEqual(['BAD_USER_INPUT', 'instructorName', 'INSTRUCTOR_REQUIRED']);
    expect(refusal(await createOrg({ c, f: 'FUNCTIONAL', m: 0, i: '李指导员' }))).toEqual(['BAD_USER_INPUT', 'form', 'FUNCTIONAL_NEEDS_MEMBERS']);
    const covered = await createOrg({ c, f: 'CONCURRENT', m: 0, i: '李指导员' });
    expect(covered.data.createPartyOrganization).toMatchObject({ instructorName: '李指导员', instructorRequired: true });
    expect((await createOrg({ c: await compound(), f: 'FUNCTIONAL', m: 1 })).errors).toBeUndefined();
    const cleared = await t.gql('mutation($id: ID!) { updatePartyOrganization(id: $id, instructorName: null) { id } }', { id: covered.data.createPartyOrganization.id }, admin);
    expect(refusal(cleared)).toEqual(['BAD_USER_INPUT', 'instructorName', 'INSTRUCTOR_REQUIRED']);
  });

  it('refuses bad input by field', async () => {
    const c = await compound();
    expect(refusal(await createOrg({ c, m: -1 }))).toEqual(['BAD_USER_INPUT', 'formalMemberCount', 'NEGATIVE']);
    expect(refusal(await createOrg({ c, s: '书'.repeat(51) }))).toEqual(['BAD_USER_INPUT', 'secretaryName', 'TOO_LONG']);
    expect(refusal(await createOrg({ c, on: '2024-06-01', off: '2024-05-31' }))).toEqual(['BAD_USER_INPUT', 'dissolvedOn', 'END_BEFORE_START']);
    await createOrg({ c, f: 'JOINT', on: '2024-01-01' });
    expect(refusal(await createOrg({ c, f: 'JOINT', on: '2024-03-01' }))).toEqual(['BAD_USER_INPUT', 'formedOn', 'OVERLAP']);
  });

  it('puts a company’s organisation under the recording office, or under the company’s 注册地 for the platform', async () => {
    const p = await company('阳光社区');
    const office = await t.createUser({ username: 'qingyang-party-office', role: Role.PARTY_OFFICE, jurisdictionId: J.get('青阳街道')! });
    const byOffice = await createOrg({ p, f: 'SINGLE', m: 4 }, office.token);
    expect(byOffice.errors).toBeUndefined();
    expect(byOffice.data.createPartyOrganization).toMatchObject({ propertyCompanyId: p, compoundId: null, jurisdictionId: J.get('青阳街道') });
    // the root names none: the company's 注册地
    const byRoot = (await createOrg({ p, f: 'JOINT', m: 4 })).data.createPartyOrganization;
    expect(byRoot.jurisdictionId).toBe(J.get('阳光社区'));
    expect(refusal(await createOrg({ p: await company(null), m: 4 }))).toEqual(['BAD_USER_INPUT', 'jurisdictionId', 'REQUIRED']);
    // an office cannot place it outside its area
    const elsewhere = await createOrg({ p, f: 'CONCURRENT', m: 4, j: J.get('宝盖镇') }, office.token);
    expect(elsewhere.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'OUT_OF_SCOPE' });
    const listed = (await ok('query($p: ID!) { PropertyCompany(id: $p) { partyOrganizations { id } } }', { p }, office.token)).PropertyCompany.partyOrganizations;
    // the street reads both (the community is in its area); 宝盖镇's office reads neither
    expect(listed).toEqual([{ id: byOffice.data.createPartyOrganization.id }, { id: byRoot.id }]);
    const other = await t.createUser({ username: 'baogai-party-office', role: Role.PARTY_OFFICE, jurisdictionId: J.get('宝盖镇')! });
    expect((await ok('query($p: ID!) { PropertyCompany(id: $p) { partyOrganizations { id } } }', { p }, other.token)).PropertyCompany.partyOrganizations).toEqual([]);
  });

  it('lets a community’s staff keep their own compounds’ organisations only', async () => {
    const unit = ((await ok('query($j: ID!) { allUnits(filter: { jurisdictionId: $j }) { id kind } }', { j: J.get('阳光社区') })).allUnits as Array<{ id: string; kind: string }>).find(
      (u) => u.kind === 'COMMUNITY',
    )!.id;
    const staff = await t.createUser({ username: 'yangguang-party', role: Role.UNIT_STAFF, unitId: unit });
    expect((await createOrg({ c: await compound() }, staff.token)).errors).toBeUndefined();
    const foreign = await createOrg({ c: await compound('龙穴社区') }, staff.token);
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_REFERENCE' });
    // a company's organisation kept by the street is not the community's to write
    const byStreet = await createOrg({ p: await company(), j: J.get('青阳街道'), m: 3 });
    const edit = await t.gql('mutation($id: ID!) { updatePartyOrganization(id: $id, secretaryName: "改") { id } }', { id: byStreet.data.createPartyOrganization.id }, staff.token);
    expect(codeOf(edit)).toBe('NOT_FOUND');
  });

  it('derives 双向进入、交叉任职 from committee members recorded in the branch, as of a day', async () => {
    const c = await compound();
    const committee = (await ok('mutation($c: ID!) { createOwnersCommittee(compoundId: $c, kind: ELECTED, formedOn: "2024-01-01", termEndsOn: "2028-12-31") { id } }', { c })).createOwnersCommittee.id;
    const member = async (name: string, politicalStatus: string, extra = '') =>
      (await ok(`mutation($o: ID!) { createCommitteeMember(committeeId: $o, name: "${name}", role: DIRECTOR, politicalStatus: ${politicalStatus}${extra}) { id } }`, { o: committee }))
        .createCommitteeMember.id as string;
    const director = await member('张主任', 'CPC_MEMBER', ', servedFrom: "2024-03-01", removedOn: "2025-07-01"');
    const masses = await member('群众委员', 'MASSES');
    const branch = (await createOrg({ c, f: 'SINGLE', m: 5, s: '张主任' })).data.createPartyOrganization.id;
    const link = (m: string, org = branch, role = 'MEMBER') =>
      t.gql('mutation($o: ID!, $m: ID!, $r: PartyBranchRole!) { createPartyOrganizationMember(partyOrganizationId: $o, committeeMemberId: $m, branchRole: $r) { id } }', { o: org, m, r: role }, admin);
    expect(refusal(await link(masses))).toEqual(['BAD_USER_INPUT', 'committeeMemberId', 'NOT_PARTY_MEMBER']);
    const otherBranch = (await createOrg({ c: await compound(), f: 'JOINT', m: 1 })).data.createPartyOrganization.id;
    expect(refusal(await link(director, otherBranch))).toEqual(['BAD_USER_INPUT', 'committeeMemberId', 'BELONGS_ELSEWHERE']);
    const companyBranch = (await createOrg({ p: await company(), m: 3, f: 'SINGLE' })).data.createPartyOrganization.id;
    expect(refusal(await link(director, companyBranch))).toEqual(['BAD_USER_INPUT', 'partyOrganizationId', 'NOT_APPLICABLE']);

    const seat = (await link(director)).data.createPartyOrganizationMember.id;
    expect(refusal(await link(director))).toEqual(['CONFLICT', 'committeeMemberId', 'DUPLICATE']);
    const cross = async (asOf: string) =>
      (
        await ok('query($id: ID!, $d: LocalDate) { PartyOrganization(id: $id) { crossServing(asOf: $d) crossServingMembers(asOf: $d) { committeeMember { name } branchRole } } }', {
          id: branch,
          d: asOf,
        })
      ).PartyOrganization;
    // a plain branch member on the committee: one way only
    expect(await cross('2025-01-01')).toEqual({ crossServing: false, crossServingMembers: [{ committeeMember: { name: '张主任' }, branchRole: 'MEMBER' }] });
    await ok('mutation($id: ID!) { updatePartyOrganizationMember(id: $id, branchRole: SECRETARY) { id } }', { id: seat });
    expect((await cross('2025-01-01')).crossServing).toBe(true);
    // before the member began to serve, and from the day the owners' meeting ended the membership: no
    expect(await cross('2024-02-29')).toEqual({ crossServing: false, crossServingMembers: [] });
    expect((await cross('2025-06-30')).crossServing).toBe(true);
    expect(await cross('2025-07-01')).toEqual({ crossServing: false, crossServingMembers: [] });
  });

  it('counts compounds of an area with a serving organisation on a day (compounds, not organisations)', async () => {
    const s = t.app.services.partyOrganization;
    const area = Number(J.get('阳光社区'));
    const before = await s.compoundCoverage(area, '2025-01-01');
    const [a, b, c2, d] = [await compound(), await compound(), await compound(), await compound()];
    await createOrg({ c: a, f: 'JOINT', on: '2024-01-01' });
    await createOrg({ c: a, f: 'CONCURRENT', on: '2024-06-01' });
    await createOrg({ c: b, on: '2024-01-01', off: '2024-12-31' });
    await createOrg({ c: c2, on: '2025-01-02' });
    const after = await s.compoundCoverage(area, '2025-01-01');
    expect(after.total - before.total).toBe(4);
    expect(after.covered - before.covered).toBe(1);
    expect(after.uncoveredIds).toEqual(expect.arrayContaining([b, c2, d].map(Number)));
    expect(after.uncoveredIds).not.toContain(Number(a));
    expect((await s.compoundCoverage(area, '2024-12-31')).uncoveredIds).not.toContain(Number(b));
    // the street's subtree holds the community's compounds; another street's does not
    expect((await s.compoundCoverage(Number(J.get('青阳街道')), '2025-01-01')).total).toBeGreaterThanOrEqual(after.total);
    expect((await s.compoundCoverage(Number(J.get('宝盖镇')), '2025-01-01')).uncoveredIds).not.toContain(Number(d));
  });

  it('counts “三有” companies registered in the area with their own organisation on a day', async () => {
    const s = t.app.services.partyOrganization;
    const area = Number(J.get('阳光社区'));
    const before = await s.threeHaveCompanyCoverage(area, '2025-01-01');
    const designate = (p: string, on: string, off: string | null = null) =>
      ok(
        'mutation($p: ID!, $j: ID!, $on: LocalDate!, $off: LocalDate) { createThreeHaveDesignation(propertyCompanyId: $p, jurisdictionId: $j, designatedOn: $on, endedOn: $off, basis: "街道认定") { id } }',
        {
          p,
          j: J.get('青阳街道'),
          on,
          off,
        },
      );
    const [covered, bare, lapsed, plain, outside] = [await company(), await company(), await company(), await company(), await company('龙穴社区')];
    await designate(covered, '2024-11-01');
    await designate(bare, '2024-11-01');
    await designate(lapsed, '2024-01-01', '2024-12-31');
    await designate(outside, '2024-11-01');
    for (const p of [covered, lapsed, plain, outside]) await createOrg({ p, f: 'SINGLE', m: 3 });
    const after = await s.threeHaveCompanyCoverage(area, '2025-01-01');
    expect({ total: after.total - before.total, covered: after.covered - before.covered }).toEqual({ total: 2, covered: 1 });
    expect(after.uncoveredIds).toContain(Number(bare));
    expect((await s.threeHaveCompanyCoverage(area, '2024-12-31')).total - before.total).toBe(3);
    expect(await ok('query($p: ID!) { a: PropertyCompany(id: $p) { threeHave(asOf: "2025-01-01") } b: PropertyCompany(id: $p) { threeHave(asOf: "2024-10-31") } }', { p: covered })).toEqual({
      a: { threeHave: true },
      b: { threeHave: false },
    });
    const twice = await t.gql(
      'mutation($p: ID!, $j: ID!) { createThreeHaveDesignation(propertyCompanyId: $p, jurisdictionId: $j, designatedOn: "2025-01-01") { id } }',
      { p: covered, j: J.get('青阳街道') },
      admin,
    );
    expect(refusal(twice)).toEqual(['BAD_USER_INPUT', 'designatedOn', 'OVERLAP']);
  });

  it('keeps party organisations and their members out of the partner schema', () => {
    const partner = readFileSync(join(__dirname, '..', '..', '..', '..', 'schema', 'partner.graphql'), 'utf8');
    for (const name of ['PartyOrganization', 'ThreeHaveDesignation', 'instructorName', 'secretaryName', 'committeeMember']) expect(partner).not.toContain(name);
  });
});
