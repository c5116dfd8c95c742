import { Role } from '../src/common/roles';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

interface Reference {
  field: string;
  type: string;
  recordId: string;
  name: string | null;
  readable: boolean;
  gone: boolean;
}

const HISTORY = `query($type: String!, $id: ID!, $n: Int) {
  allAuditEvents(filter: { entityType: $type, entityId: $id }, perPage: $n) { id action before after references { field type recordId name readable gone } }
}`;

/**
 * The audit trail names the records its events name by id (AuditEvent.references): the record
 * itself and each id in before and after, under the scope rule, in a few statements per page.
 */
describe(`audit trail: the records an event names (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  const J = new Map<string, string>();
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    for (const j of (await ok('{ allJurisdictions(perPage: 1000) { id name } }')).allJurisdictions) J.set(j.name, j.id);
  });
  afterAll(() => t.close());

  async function ok(q: string, v: Record<string, unknown> = {}, token = admin) {
    const res = await t.gql(q, v, token);
    if (res.errors) throw new Error(`${q.slice(0, 80)}: ${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const history = async (type: string, id: string, token = admin, n = 50) =>
    (await ok(HISTORY, { type, id, n }, token)).allAuditEvents as Array<{ action: string; before: any; after: any; references: Reference[] }>;
  const ref = (refs: Reference[], field: string) => refs.find((r) => r.field === field);

  it('names the record itself and what its ids refer to; a record outside the reader’s office is not named, only said to be hidden', async () => {
    const group = (await ok('{ allWorkingGroups(filter: { q: "青阳街道" }, perPage: 1) { id name jurisdictionId } }')).allWorkingGroups[0];
    expect(group.jurisdictionId).toBe(J.get('青阳街道'));
    const outsider = (await ok('mutation($j: ID) { createPerson(name: "宝盖镇的某人", jurisdictionId: $j) { id } }', { j: J.get('宝盖镇') })).createPerson.id;
    const seat = (await ok('mutation($g: ID!, $p: ID!) { createMembership(groupId: $g, personId: $p, role: MEMBER, validFrom: "2024-01-01") { id } }', { g: group.id, p: outsider })).createMembership
      .id;

    // the root admin reads every name
    const [created] = await history('Membership', seat);
    expect(created.action).toBe('CREATE');
    expect(ref(created.references, 'personId')).toEqual({ field: 'personId', type: 'Person', recordId: outsider, name: '宝盖镇的某人', readable: true, gone: false });
    expect(ref(created.references, 'groupId')).toMatchObject({ type: 'WorkingGroup', recordId: group.id, name: group.name, readable: true });
    // a seat has no name of its own: it is named by its person
    expect(ref(created.references, '')).toMatchObject({ type: 'Membership', recordId: seat, name: '宝盖镇的某人', readable: true });

    // 青阳街道's office reads the event (the seat is in its group) but not the person 宝盖镇 keeps
    const office = await t.createUser({ username: 'office-qingyang', role: Role.PARTY_OFFICE, jurisdictionId: J.get('青阳街道') });
    const seen = await history('Membership', seat, office.token);
    expect(seen).toHaveLength(1);
    expect(ref(seen[0].references, 'personId')).toEqual({ field: 'personId', type: 'Person', recordId: outsider, name: null, readable: false, gone: false });
    expect(ref(seen[0].references, 'groupId')).toMatchObject({ name: group.name, readable: true });
    // the seat itself is readable, but what would name it (the person) is not: no name leaks through it either
    expect(ref(seen[0].references, '')).toMatchObject({ type: 'Membership', readable: true });
    expect(JSON.stringify(seen)).not.toContain('宝盖镇的某人');
  });

  it('names a succession’s holders (not columns of the post) and tells a record that is gone', async () => {
    const post = (await ok('mutation($j: ID) { createPost(title: "测试主任", jurisdictionId: $j) { id } }', { j: J.get('青阳街道') })).createPost.id;
    const first = (await ok('mutation { createPerson(name: "原任者") { id } }')).createPerson.id;
    const next = (await ok('mutation { createPerson(name: "接任者") { id } }')).createPerson.id;
    await ok('mutation($p: ID!, $h: ID!) { createPostHolding(postId: $p, personId: $h, validFrom: "2024-01-01") { id } }', { p: post, h: first });
    await ok('mutation($i: SuccessionInput!) { recordSuccession(input: $i) { auditEventId } }', { i: { postId: post, successorId: next, date: '2024-06-01' } });
    const [succession] = await history('Post', post);
    expect(succession.action).toBe('SUCCESSION');
    expect(succession.references.map((r) => [r.field, r.name]).sort()).toEqual([
      ['', '测试主任'],
      ['holderId', '原任者'],
      ['holderId', '接任者'],
    ]);

    const gone = (await ok('mutation { createPerson(name: "将被删除") { id } }')).createPerson.id;
    await ok('mutation($id: ID!) { deletePerson(id: $id) { id } }', { id: gone });
    const [deleted] = await history('Person', gone);
    expect(deleted.action).toBe('DELETE');
    expect(ref(deleted.references, '')).toEqual({ field: '', type: 'Person', recordId: gone, name: null, readable: false, gone: true });
  });

  it('names a budget by its programme and year, and a user by the name shown for them', async () => {
    const programme = (await ok('{ allIncentiveProgrammes(perPage: 1) { id name } }')).allIncentiveProgrammes[0];
    const budget = (await ok('mutation($p: ID!) { createIncentiveBudget(programmeId: $p, year: 2031, amount: "40000") { id } }', { p: programme.id })).createIncentiveBudget.id;
    await ok('mutation($id: ID!) { updateIncentiveBudget(id: $id, amount: "50000") { id } }', { id: budget });
    const [update] = await history('IncentiveBudget', budget);
    expect(update.before.amountFen).toBe(4_000_000);
    expect(update.after.amountFen).toBe(5_000_000);
    expect(ref(update.references, '')).toMatchObject({ name: `${programme.name} 2031`, readable: true });
    expect(ref(update.references, 'programmeId')).toMatchObject({ name: programme.name });

    const me = (await ok('{ me { id displayName } }')).me;
    const [login] = (await ok('query($id: ID!) { allAuditEvents(filter: { action: "LOGIN", entityType: "User", entityId: $id }, perPage: 1) { references { field name } } }', { id: me.id }))
      .allAuditEvents;
    expect(login.references).toEqual([{ field: '', name: me.displayName }]);
  });

  it('reads the names of a page of events in the same few statements whatever its length', async () => {
    const group = (await ok('{ allWorkingGroups(filter: { q: "宝盖镇" }, perPage: 1) { id } }')).allWorkingGroups[0].id;
    for (let i = 0; i < 12; i++) {
      const person = (await ok('mutation($n: String!) { createPerson(name: $n) { id } }', { n: `批量成员${i}` })).createPerson.id;
      await ok('mutation($g: ID!, $p: ID!) { createMembership(groupId: $g, personId: $p, role: MEMBER, validFrom: "2024-01-01") { id } }', { g: group, p: person });
    }
    const statements = async (n: number) => {
      t.sql.reset();
      const res = await t.gql('query($n: Int!) { allAuditEvents(filter: { entityType: "Membership", action: "CREATE" }, perPage: $n) { id references { name } } }', { n }, admin);
      expect(res.errors).toBeUndefined();
      expect(res.data.allAuditEvents).toHaveLength(n);
      expect(res.data.allAuditEvents.every((e: { references: Array<{ name: string | null }> }) => e.references.every((r) => r.name))).toBe(true);
      return t.sql.count;
    };
    const [few, many] = [await statements(2), await statements(12)];
    expect(many).toBe(few);
    expect(many).toBeLessThanOrEqual(8);
  });
});
