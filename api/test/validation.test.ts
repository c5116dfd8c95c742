import fc from 'fast-check';
import { usccCheckChar } from '../src/common/uscc';
import { IncentiveProgramme } from '../src/modules/incentive/incentive.entities';
import { PropertyCompany } from '../src/modules/organization/property-company.entity';
import { Clause } from '../src/modules/policy/clause.entity';
import { PolicyDocument } from '../src/modules/policy/policy-document.entity';
import { Person } from '../src/modules/working-group/person.entity';
import { Post } from '../src/modules/working-group/post.entity';
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
    (
      await t.gql(
        `{ a: _allAuditEventsMeta { count } c: _allPropertyCompaniesMeta { count } p: _allPostsMeta { count }
      m: _allMembershipsMeta { count } pe: _allPeopleMeta { count } }`,
        {},
        admin,
      )
    ).data;

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
    const res = await t.gql('mutation($p: ID!, $d: LocalDate!) { createPostHolding(postId: "1", personId: $p, validFrom: $d) { id } }', { p: personId, d: '2024-02-30' }, admin);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/\$d/);
    expect([fieldOf(res), res.errors?.[0].extensions?.reason]).toEqual(['validFrom', 'NOT_A_DATE']);
    expect(await snapshot()).toEqual(before);
  });

  it('names the field of a date refused before any resolver runs: variables, literals, inputs, filters', async () => {
    const before = await snapshot();
    const cases: Array<[string, Record<string, unknown>, string, string]> = [
      ['mutation { createPostHolding(postId: "1", personId: "1", validFrom: "0000-01-01") { id } }', {}, 'validFrom', 'DATE_OUT_OF_RANGE'],
      ['mutation($p: ID!) { createPostHolding(postId: "1", personId: $p, validFrom: "2023-01-01", validTo: "2025-02-30") { id } }', { p: personId }, 'validTo', 'NOT_A_DATE'],
      ['mutation($i: SuccessionInput!) { recordSuccession(input: $i) { date } }', { i: { postId: '1', successorId: personId, date: '1900-01-01' } }, 'date', 'DATE_OUT_OF_RANGE'],
      ['mutation { recordSuccession(input: { postId: "1", successorId: "1", date: "2025-02-29" }) { date } }', {}, 'date', 'NOT_A_DATE'],
      ['query($d: LocalDate) { allMemberships(filter: { asOf: $d }) { id } }', { d: '2101-01-01' }, 'filter.asOf', 'DATE_OUT_OF_RANGE'],
      ['query($g: ID!) { WorkingGroup(id: $g) { members(asOf: "9999-12-31") { id } } }', { g: groupId }, 'asOf', 'DATE_OUT_OF_RANGE'],
      ['query($d: LocalDate!) { deadlinePage(asOf: $d, state: OVERDUE) { totalCount } }', { d: 20240101 }, 'asOf', 'NOT_A_DATE'],
    ];
    for (const [query, variables, field, reason] of cases) {
      const res = await t.gql(query, variables, admin);
      expect([codeOf(res), fieldOf(res), res.errors?.[0].extensions?.reason]).toEqual(['BAD_USER_INPUT', field, reason]);
    }
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

/** 𠀀 and its neighbours (CJK Extension B): one character in MySQL's utf8mb4, two UTF-16 units, four bytes. */
const extB = (n: number, seed = 0) => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x20000 + ((seed * 7919 + i) % 0xa6d0))).join('');
const CONTROL = [...Array(32).keys()]
  .filter((c) => ![9, 10, 13].includes(c))
  .concat(0x7f)
  .map((c) => String.fromCharCode(c));

describe(`lengths, characters and numbers are checked as MySQL counts them (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let documentId: string;
  let seed = 0;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    documentId = (await t.gql('{ allPolicyDocuments(perPage: 1) { id } }', {}, admin)).data.allPolicyDocuments[0].id;
  });
  afterAll(() => t.close());

  const audits = async () => (await t.gql('{ _allAuditEventsMeta { count } }', {}, admin)).data._allAuditEventsMeta.count;
  /** Representative types: their create mutation, an entity, and valid values for the required arguments. */
  const TYPES: Array<{ type: string; entity: Function; base: () => Record<string, unknown>; skip?: string[] }> = [
    { type: 'Person', entity: Person, base: () => ({ name: '某人' }) },
    { type: 'Post', entity: Post, base: () => ({ title: '某职务' }) },
    { type: 'PolicyDocument', entity: PolicyDocument, base: () => ({ title: '某文件', issuer: '某单位' }) },
    { type: 'Clause', entity: Clause, base: () => ({ documentId, number: `测${++seed}`, text: '条文' }) },
    { type: 'PropertyCompany', entity: PropertyCompany, base: () => ({ name: '某物业', uscc: uscc(`91350582MA2L${String(++seed).padStart(5, '0')}`) }), skip: ['uscc'] },
    { type: 'IncentiveProgramme', entity: IncentiveProgramme, base: () => ({ name: '某项目', trigger: 'DEMONSTRATION_SITE_ACCEPTED' }) },
  ];
  /** The create mutation's arguments, each with its type as written in SDL. */
  const argsOf = async (type: string): Promise<Array<{ name: string; sdl: string }>> => {
    const q = '{ __type(name: "Mutation") { fields { name args { name type { kind name ofType { kind name } } } } } }';
    const field = (await t.gql(q, {}, admin)).data.__type.fields.find((f: { name: string }) => f.name === `create${type}`);
    return field.args.map((a: { name: string; type: { kind: string; name: string | null; ofType?: { name: string } } }) =>
      a.type.kind === 'NON_NULL' ? { name: a.name, sdl: `${a.type.ofType!.name}!` } : { name: a.name, sdl: String(a.type.name) },
    );
  };
  const stringArgs = async (type: string) => (await argsOf(type)).filter((a) => a.sdl.startsWith('String'));
  const create = async (type: string, values: Record<string, unknown>) => {
    const args = (await argsOf(type)).filter((a) => a.name in values);
    const vars = args.map((a) => `$${a.name}: ${a.sdl}`).join(', ');
    return t.gql(`mutation(${vars}) { create${type}(${args.map((a) => `${a.name}: $${a.name}`).join(', ')}) { id } }`, values, admin);
  };
  const columnOf = (entity: Function, property: string) => t.app.ds.getMetadata(entity).findColumnWithPropertyName(property);

  it('refuses every string input of representative types one Extension-B character over its column, and keeps the exact maximum', async () => {
    let checked = 0;
    for (const { type, entity, base, skip = [] } of TYPES) {
      for (const arg of (await stringArgs(type)).filter((a) => !skip.includes(a.name))) {
        const column = columnOf(entity, arg.name);
        if (!column) continue;
        const before = await audits();
        const max = column.type === 'varchar' ? Number(column.length) : null;
        const over = max === null ? extB(16_384, ++seed) : extB(max + 1, ++seed); // TEXT: 65,536 bytes
        const res = await create(type, { ...base(), [arg.name]: over });
        expect([type, codeOf(res), fieldOf(res), res.errors?.[0].extensions?.reason]).toEqual([type, 'BAD_USER_INPUT', arg.name, 'TOO_LONG']);
        expect(await audits()).toBe(before);
        if (max !== null) {
          const exact = await create(type, { ...base(), [arg.name]: extB(max, ++seed) });
          expect([type, arg.name, exact.errors]).toEqual([type, arg.name, undefined]);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });

  it('counts characters as MySQL does where the per-input rule does not (variation selectors), from the entity metadata', async () => {
    // class-validator's MaxLength does not count U+FE0F; MySQL does, and so does the column check
    const res = await t.gql('mutation($n: String!) { createPerson(name: $n) { id } }', { n: `人${'\uFE0F'.repeat(50)}` }, admin);
    expect([codeOf(res), fieldOf(res), res.errors?.[0].extensions?.reason, res.errors?.[0].extensions?.maxLength]).toEqual(['BAD_USER_INPUT', 'name', 'TOO_LONG', 50]);
    // writes that do not come through GraphQL pass the same check (TEXT: 65,535 bytes)
    const direct = t.app.ds.getRepository(Clause).save({ documentId: Number(documentId), number: '直写', text: 'a'.repeat(65_536), sortOrder: 1 });
    await expect(direct).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'text', reason: 'TOO_LONG' } });
  });

  it('keeps a clause of 65,000 bytes (Extension B and quotes), and its audit event holds it', async () => {
    const text = extB(15_000, 1) + '"'.repeat(5_000); // 20,000 characters; 70 kB once JSON-escaped in the audit
    const res = await create('Clause', { documentId, number: '长条文', text });
    expect(res.errors).toBeUndefined();
    const back = await t.gql('query($id: ID!) { Clause(id: $id) { text } }', { id: res.data.createClause.id }, admin);
    expect(back.data.Clause.text).toBe(text);
    const event = await t.gql('query($id: ID!) { allAuditEvents(filter: { entityType: "Clause", entityId: $id }) { after } }', { id: res.data.createClause.id }, admin);
    expect(event.data.allAuditEvents[0].after.text).toBe(text);
  });

  it('refuses control characters in any string input, naming it, and accepts tab and line breaks', async () => {
    const before = await audits();
    const cases = fc.sample(fc.record({ t: fc.integer({ min: 0, max: TYPES.length - 1 }), c: fc.constantFrom(...CONTROL), pre: fc.string({ maxLength: 5 }), post: fc.string({ maxLength: 5 }) }), {
      numRuns: 30,
      seed: 12,
    });
    for (const { t: i, c, pre, post } of cases) {
      const { type, entity, base, skip = [] } = TYPES[i];
      const args = (await stringArgs(type)).filter((a) => !skip.includes(a.name) && columnOf(entity, a.name));
      const arg = args[(pre.length + post.length) % args.length];
      // eslint-disable-next-line no-control-regex -- the control characters are what this checks
      const res = await create(type, { ...base(), [arg.name]: `${pre.replace(/[\u0000-\u001f\u007f\ud800-\udfff]/g, '')}${c}${post.replace(/[\u0000-\u001f\u007f\ud800-\udfff]/g, '')}` });
      expect([type, codeOf(res), fieldOf(res), res.errors?.[0].extensions?.reason]).toEqual([type, 'BAD_USER_INPUT', arg.name, 'CONTROL_CHARACTER']);
    }
    const lone = await t.gql('mutation($n: String!) { createPerson(name: $n) { id } }', { n: 'a\ud800b' }, admin);
    expect([fieldOf(lone), lone.errors?.[0].extensions?.reason]).toEqual(['name', 'CONTROL_CHARACTER']);
    expect(await audits()).toBe(before);
    const ok = await t.gql('mutation($n: String!) { createPerson(name: "某人", note: $n) { note } }', { n: '第一行\n第二行\t备注\r\n' }, admin);
    expect(ok.data.createPerson.note).toBe('第一行\n第二行\t备注');
    // what is kept per parsed document (input-fields.ts) is where its variables go: each request's values are read again, a bad literal refused every time
    const same = 'mutation($n: String!) { createPerson(name: $n) { id } }';
    expect((await t.gql(same, { n: '甲某' }, admin)).errors).toBeUndefined();
    expect([fieldOf(await t.gql(same, { n: '乙\u0007' }, admin)), fieldOf(await t.gql(same, { n: '\u0000' }, admin))]).toEqual(['name', 'name']);
    const literal = 'mutation { createPerson(name: "丙\\u0007") { id } }';
    expect([fieldOf(await t.gql(literal, {}, admin)), fieldOf(await t.gql(literal, {}, admin))]).toEqual(['name', 'name']);
  });

  it('refuses a measurement that does not fit DECIMAL(12,2), and keeps the largest that does', async () => {
    const indicator = (await t.gql('{ allIndicators(perPage: 100) { id unit } }', {}, admin)).data.allIndicators.find((i: { unit: string }) => i.unit === 'COUNT').id;
    const street = (await t.gql('{ allJurisdictions(filter: { q: "青阳街道" }) { id } }', {}, admin)).data.allJurisdictions[0].id;
    const measure = (v: number) =>
      t.gql(
        'mutation($i: ID!, $j: ID!, $v: Float!) { createIndicatorMeasurement(indicatorId: $i, jurisdictionId: $j, value: $v, measuredOn: "2024-06-30") { value } }',
        { i: indicator, j: street, v },
        admin,
      );
    const before = await audits();
    for (const v of [12345678901, 10_000_000_000, 1e300]) {
      const res = await measure(v);
      expect([v, codeOf(res), fieldOf(res), res.errors?.[0].extensions?.reason]).toEqual([v, 'BAD_USER_INPUT', 'value', 'OUT_OF_RANGE']);
    }
    expect(await audits()).toBe(before);
    expect((await measure(9_999_999_999)).data.createIndicatorMeasurement.value).toBe(9_999_999_999);
  });
});
