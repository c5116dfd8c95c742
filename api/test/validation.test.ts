import { usccCheckChar } from '../src/common/uscc';
import { dbKind } from './db';
import { codeOf, fieldOf, startTestApp, type TestApp } from './harness';

/** A valid credit code: 17 characters plus the GB 32100-2015 check character. */
const uscc = (first17: string) => `${first17}${usccCheckChar(first17)}`;

describe(`bad input is refused field by field and changes nothing (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let communityId: string;
  let groupId: string;
  let personId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    communityId = (await t.gql('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }', {}, admin)).data.allJurisdictions[0].id;
    groupId = (await t.gql('{ allWorkingGroups(filter: { q: "综合协调组" }) { id } }', {}, admin)).data.allWorkingGroups[0].id;
    personId = (await t.gql('{ allPeople(filter: { q: "黄美霞" }) { id } }', {}, admin)).data.allPeople[0].id;
  });
  afterAll(() => t.close());

  const snapshot = async () =>
    (await t.gql(`{ a: _allAuditEventsMeta { count } c: _allPropertyCompaniesMeta { count } p: _allPostsMeta { count }
      m: _allMembershipsMeta { count } pe: _allPeopleMeta { count } }`, {}, admin)).data;

  it('accepts a valid credit code and stores it upper-case', async () => {
    const code = uscc('91350582MA2XY1234');
    const res = await t.gql('mutation($c: String!) { createPropertyCompany(name: "晋江某物业服务有限公司", uscc: $c) { uscc } }', { c: code.toLowerCase() }, admin);
    expect(res.errors).toBeUndefined();
    expect(res.data.createPropertyCompany.uscc).toBe(code);
  });

  it('refuses a credit code with a wrong check character (field uscc)', async () => {
    const before = await snapshot();
    const good = uscc('91350582MA2XY5678');
    const bad = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const res = await t.gql('mutation($c: String!) { createPropertyCompany(name: "错误代码物业", uscc: $c) { id } }', { c: bad }, admin);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('uscc');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a duplicate credit code with CONFLICT naming uscc', async () => {
    const code = uscc('91350582MA2XY9999');
    await t.gql('mutation($c: String!) { createPropertyCompany(name: "甲物业", uscc: $c) { id } }', { c: code }, admin);
    const before = await snapshot();
    const res = await t.gql('mutation($c: String!) { createPropertyCompany(name: "乙物业", uscc: $c) { id } }', { c: code }, admin);
    expect(codeOf(res)).toBe('CONFLICT');
    expect(fieldOf(res)).toBe('uscc');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an unknown unit (field unitId)', async () => {
    const before = await snapshot();
    const res = await t.gql('mutation { createPost(title: "某职务", unitId: "999999") { id } }', {}, admin);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('unitId');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an empty or blank name (field name)', async () => {
    const before = await snapshot();
    for (const name of ['', '   ']) {
      const res = await t.gql('mutation($n: String!) { createPerson(name: $n) { id } }', { n: name }, admin);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldOf(res)).toBe('name');
    }
    const upd = await t.gql('mutation($id: ID!) { updatePerson(id: $id, name: null) { id } }', { id: personId }, admin);
    expect(fieldOf(upd)).toBe('name');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a membership whose end is before its start (field validTo)', async () => {
    const before = await snapshot();
    const res = await t.gql(
      `mutation($g: ID!, $p: ID!) { createMembership(groupId: $g, personId: $p, role: GROUP_MEMBER, validFrom: "2025-01-01", validTo: "2024-12-31") { id } }`,
      { g: groupId, p: personId },
      admin,
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('validTo');
    const seat = (await t.gql('query($g: ID!) { allMemberships(filter: { groupId: $g }) { id } }', { g: groupId }, admin)).data.allMemberships[0];
    const upd = await t.gql('mutation($id: ID!) { updateMembership(id: $id, validTo: "2020-01-01") { id } }', { id: seat.id }, admin);
    expect(fieldOf(upd)).toBe('validTo');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a compound outside a community, and a managed compound without a company', async () => {
    const street = (await t.gql('{ allJurisdictions(filter: { q: "青阳街道" }) { id } }', {}, admin)).data.allJurisdictions[0].id;
    const wrongLevel = await t.gql('mutation($c: ID!) { createCompound(name: "某小区", communityId: $c, managementMode: NONE) { id } }', { c: street }, admin);
    expect(fieldOf(wrongLevel)).toBe('communityId');
    const noCompany = await t.gql('mutation($c: ID!) { createCompound(name: "某小区", communityId: $c, managementMode: PROFESSIONAL) { id } }', { c: communityId }, admin);
    expect(fieldOf(noCompany)).toBe('propertyCompanyId');
    const ok = await t.gql('mutation($c: ID!) { createCompound(name: "某小区", communityId: $c, managementMode: NONE) { name community { name } } }', { c: communityId }, admin);
    expect(ok.data.createCompound).toEqual({ name: '某小区', community: { name: '阳光社区' } });
  });

  it('refuses a jurisdiction at the wrong level under its parent', async () => {
    const res = await t.gql('mutation($p: ID!) { createJurisdiction(name: "某县", level: COUNTY, parentId: $p) { id } }', { p: communityId }, admin);
    expect(fieldOf(res)).toBe('parentId');
  });

  it('refuses a malformed date before it reaches the service', async () => {
    const before = await snapshot();
    const res = await t.gql(
      'mutation($p: ID!, $d: LocalDate!) { createPostHolding(postId: "1", personId: $p, validFrom: $d) { id } }',
      { p: personId, d: '2024-02-30' },
      admin,
    );
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/\$d/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses to delete a record others still point at (CONFLICT) and keeps it', async () => {
    const res = await t.gql('mutation($id: ID!) { deleteJurisdiction(id: $id) { id } }', { id: communityId }, admin);
    expect(codeOf(res)).toBe('CONFLICT');
    expect((await t.gql('query($id: ID!) { Jurisdiction(id: $id) { name } }', { id: communityId }, admin)).data.Jurisdiction.name).toBe('阳光社区');
  });

  it('keeps names with characters outside the BMP intact', async () => {
    const name = '𠮷野𡈼';
    const res = await t.gql('mutation($n: String!) { createPerson(name: $n) { id name } }', { n: name }, admin);
    expect(res.data.createPerson.name).toBe(name);
    const back = await t.gql('query($id: ID!) { Person(id: $id) { name } }', { id: res.data.createPerson.id }, admin);
    expect(back.data.Person.name).toBe(name);
    expect((await t.gql('query($q: String!) { allPeople(filter: { q: $q }) { name } }', { q: '𠮷' }, admin)).data.allPeople).toEqual([{ name }]);
  });

  it('refuses an unknown sort field and an oversized page', async () => {
    expect(fieldOf(await t.gql('{ allPeople(sortField: "password") { id } }', {}, admin))).toBe('sortField');
    expect(fieldOf(await t.gql('{ allPeople(perPage: 5000) { id } }', {}, admin))).toBe('perPage');
  });
});
