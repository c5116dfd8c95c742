import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Role } from '../src/common/roles';
import { todayInChina } from '../src/common/dates';
import { dbKind } from './db';
import { type GqlResponse, startTestApp, type TestApp } from './harness';

/** A write sent the way a client retries one: the same body with the same Idempotency-Key header. */
describe(`idempotency keys on every write (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let office: { token: string; id: string };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    office = await t.userWithRole(Role.PARTY_OFFICE);
  });
  afterAll(() => t.close());

  const send = async (query: string, variables: Record<string, unknown>, key: string, token = admin): Promise<GqlResponse> => {
    const res = await request(t.app.express).post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${token}`).set('idempotency-key', key).send({ query, variables });
    return res.body as GqlResponse;
  };
  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables, admin);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const auditCount = async () => (await ok('{ _allAuditEventsMeta { count } }'))._allAuditEventsMeta.count as number;
  const peopleNamed = async (name: string) => (await ok('query($q: String!) { allPeople(filter: { q: $q }) { id name } }', { q: name })).allPeople.filter((p: { name: string }) => p.name === name);
  const reasonOf = (r: GqlResponse) => [r.errors?.[0]?.extensions?.code, r.errors?.[0]?.extensions?.field, r.errors?.[0]?.extensions?.reason];

  const CREATE = 'mutation($n: String!, $p: String) { createPerson(name: $n, phone: $p) { id name phone createdAt } }';

  it('applies a create once when it is sent again with the same key, and answers the same', async () => {
    const key = randomUUID();
    const events = await auditCount();
    const first = await send(CREATE, { n: '幂等-新建' }, key);
    expect(first.errors).toBeUndefined();
    const again = await send(CREATE, { n: '幂等-新建' }, key);
    expect(again).toEqual(first);
    expect(await peopleNamed('幂等-新建')).toHaveLength(1);
    expect(await auditCount()).toBe(events + 1);
  });

  it('replays an update with the record as it is, and a delete with the record as it was', async () => {
    const { id } = (await send(CREATE, { n: '幂等-修改' }, randomUUID())).data.createPerson;
    const UPDATE = 'mutation($id: ID!, $p: String) { updatePerson(id: $id, phone: $p) { id name phone } }';
    const key = randomUUID();
    const events = await auditCount();
    const first = await send(UPDATE, { id, p: '13800000001' }, key);
    expect(first.data.updatePerson).toEqual({ id, name: '幂等-修改', phone: '13800000001' });
    expect(await send(UPDATE, { id, p: '13800000001' }, key)).toEqual(first);
    expect(await auditCount()).toBe(events + 1);

    const DELETE = 'mutation($id: ID!) { deletePerson(id: $id) { id name phone } }';
    const deleteKey = randomUUID();
    const deleted = await send(DELETE, { id }, deleteKey);
    expect(deleted.data.deletePerson).toEqual({ id, name: '幂等-修改', phone: '13800000001' });
    expect(await send(DELETE, { id }, deleteKey)).toEqual(deleted); // not NOT_FOUND: the client learns its delete happened
    expect(await auditCount()).toBe(events + 2);
  });

  it('moves a workflow step once, and refuses the key for a different step', async () => {
    const programme = (await ok('{ allIncentiveProgrammes(filter: { trigger: DEMONSTRATION_SITE_ACCEPTED }) { id } }')).allIncentiveProgrammes[0].id;
    const community = (await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }')).allJurisdictions[0].id;
    const compound = (await ok('mutation($c: ID!) { createCompound(name: "幂等小区", communityId: $c, managementMode: SELF_MANAGED) { id } }', { c: community })).createCompound.id;
    const opened = await ok('mutation($p: ID!, $c: ID!) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: "2024-05-06") { id } }', { p: programme, c: compound });
    const ADVANCE = 'mutation($id: ID!, $to: AwardCaseStatus!, $d: LocalDate!) { advanceAwardCase(id: $id, to: $to, date: $d) { id status updatedAt steps { toStatus } } }';
    const move = { id: opened.createAwardCase.id, to: 'INSPECTED', d: '2024-06-01' };
    const key = randomUUID();
    const first = await send(ADVANCE, move, key);
    expect(first.data.advanceAwardCase).toMatchObject({ status: 'INSPECTED', steps: [{ toStatus: 'APPLIED' }, { toStatus: 'INSPECTED' }] });
    expect(await send(ADVANCE, move, key)).toEqual(first); // not INVALID_TRANSITION: the move was made, by this very request
    const other = await send(ADVANCE, { ...move, to: 'SUPERIOR_ACCEPTED', d: '2024-06-20' }, key);
    expect(reasonOf(other)).toEqual(['CONFLICT', 'idempotencyKey', 'KEY_REUSED']);
    expect((await ok('query($id: ID!) { AwardCase(id: $id) { status } }', { id: move.id })).AwardCase.status).toBe('INSPECTED');
  });

  it('files a progress report once however often it is resent', async () => {
    const assignment = (await ok('{ allAssignments(perPage: 1) { id } }')).allAssignments[0].id;
    const REPORT = 'mutation($a: ID!, $d: LocalDate!, $n: String!) { reportProgress(assignmentId: $a, reportDate: $d, status: IN_PROGRESS, note: $n) { id note } }';
    const vars = { a: assignment, d: todayInChina(), n: `进展 ${randomUUID()}` };
    const key = randomUUID();
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await send(REPORT, vars, key));
    expect(answers[0].errors).toBeUndefined();
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    const { allProgressReports } = await ok('query($a: ID!) { allProgressReports(filter: { assignmentId: $a }, perPage: 100) { note } }', { a: assignment });
    expect(allProgressReports.filter((r: { note: string }) => r.note === vars.n)).toHaveLength(1);
  });

  it('refuses a key reused for a different request, while the same key of another user is that user’s own', async () => {
    const key = randomUUID();
    expect((await send(CREATE, { n: '幂等-甲' }, key)).errors).toBeUndefined();
    expect(reasonOf(await send(CREATE, { n: '幂等-乙' }, key))).toEqual(['CONFLICT', 'idempotencyKey', 'KEY_REUSED']);
    expect(reasonOf(await send('mutation($n: String!) { createPost(title: $n) { id } }', { n: '幂等-甲' }, key))).toEqual(['CONFLICT', 'idempotencyKey', 'KEY_REUSED']);
    expect(await peopleNamed('幂等-乙')).toEqual([]);
    const theirs = await send(CREATE, { n: '幂等-甲' }, key, office.token);
    expect(theirs.errors).toBeUndefined();
    expect(await peopleNamed('幂等-甲')).toHaveLength(2);
  });

  it('applies one of several simultaneous requests with one key and gives all of them its answer', async () => {
    const key = randomUUID();
    const events = await auditCount();
    const answers = await Promise.all(Array.from({ length: 6 }, () => send(CREATE, { n: '幂等-并发', p: '0595-1' }, key)));
    expect(answers.filter((a) => a.errors)).toEqual([]);
    expect(new Set(answers.map((a) => JSON.stringify(a.data))).size).toBe(1);
    expect(await peopleNamed('幂等-并发')).toHaveLength(1);
    expect(await auditCount()).toBe(events + 1);
  });

  it('replays a succession with the seats it closed and opened', async () => {
    const post = (await ok('{ allPosts(filter: { q: "宝盖镇党委副书记、镇长" }) { id title } }')).allPosts.find((p: { title: string }) => p.title === '宝盖镇党委副书记、镇长').id;
    const successor = (await send(CREATE, { n: '幂等-继任' }, randomUUID())).data.createPerson.id;
    const SUCCEED =
      'mutation($i: SuccessionInput!) { recordSuccession(input: $i) { post { id } predecessor { name } successor { id } date closedSeats { id validTo } newSeats { id validFrom } auditEventId } }';
    const input = { i: { postId: post, successorId: successor, date: '2024-03-01' } };
    const key = randomUUID();
    const first = await send(SUCCEED, input, key);
    expect(first.errors).toBeUndefined();
    expect(first.data.recordSuccession.newSeats.length).toBeGreaterThan(0);
    expect(await send(SUCCEED, input, key)).toEqual(first);
  });

  it('replays a reordering with the seats in their new order', async () => {
    const group = (await ok('{ allWorkingGroups(filter: { q: "宝盖镇全面提升" }) { id } }')).allWorkingGroups[0].id;
    const seats = (await ok('query($g: ID!, $d: LocalDate) { allMemberships(filter: { groupId: $g, asOf: $d }, perPage: 200) { id role sortOrder } }', { g: group, d: todayInChina() })).allMemberships;
    const byRole = new Map<string, Array<{ id: string; sortOrder: number }>>();
    for (const seat of seats) byRole.set(seat.role, [...(byRole.get(seat.role) ?? []), seat]);
    const [role, current] = [...byRole].find(([, list]) => list.length > 1)!;
    const reversed = current
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((m) => m.id)
      .reverse();
    const REORDER = 'mutation($g: ID!, $r: GroupRole!, $ids: [ID!]!) { reorderMemberships(groupId: $g, role: $r, membershipIds: $ids) { id sortOrder } }';
    const key = randomUUID();
    const events = await auditCount();
    const first = await send(REORDER, { g: group, r: role, ids: reversed }, key);
    expect(first.data.reorderMemberships.map((m: { id: string }) => m.id)).toEqual(reversed);
    expect(await send(REORDER, { g: group, r: role, ids: reversed }, key)).toEqual(first);
    expect(await auditCount()).toBe(events + 1);
  });

  it('says a request was applied when its answer cannot be repeated (a partner key’s secret is shown once)', async () => {
    const ISSUE = 'mutation($n: String!) { issuePartnerKey(name: $n) { key { id } secret } }';
    const key = randomUUID();
    const first = await send(ISSUE, { n: '幂等-合作方' }, key);
    expect(first.errors).toBeUndefined();
    const again = await send(ISSUE, { n: '幂等-合作方' }, key);
    expect(reasonOf(again)).toEqual(['CONFLICT', 'idempotencyKey', 'ALREADY_APPLIED']);
    expect(again.errors?.[0]?.extensions).toMatchObject({ entityType: 'PartnerKey', entityId: first.data.issuePartnerKey.key.id });
    const { allPartnerKeys } = await ok('{ allPartnerKeys(perPage: 100) { name } }');
    expect(allPartnerKeys.filter((k: { name: string }) => k.name === '幂等-合作方')).toHaveLength(1);
  });

  it('leaves writes without a key, and keys too odd to trust, applied each time', async () => {
    expect((await t.gql(CREATE, { n: '幂等-无键' }, admin)).errors).toBeUndefined();
    expect((await t.gql(CREATE, { n: '幂等-无键' }, admin)).errors).toBeUndefined();
    expect((await send(CREATE, { n: '幂等-怪键' }, 'short')).errors).toBeUndefined();
    expect((await send(CREATE, { n: '幂等-怪键' }, 'short')).errors).toBeUndefined();
    expect(await peopleNamed('幂等-无键')).toHaveLength(2);
    expect(await peopleNamed('幂等-怪键')).toHaveLength(2);
  });
});
