import { dbKind } from './db';
import { codeOf, fieldOf, startTestApp, type TestApp } from './harness';

const ROSTER = `query($id: ID!, $asOf: LocalDate) {
  WorkingGroup(id: $id) { members(asOf: $asOf) { id role sortOrder validFrom validTo person { name } post { title } } }
}`;

describe(`succession: the seat follows the post (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let groupId: string;
  let officeId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    groupId = (await t.gql('{ allWorkingGroups(filter: { q: "宝盖镇全面提升" }) { id } }', {}, admin)).data.allWorkingGroups[0].id;
    officeId = (await t.gql('{ allWorkingGroups(filter: { q: "办公室" }) { id } }', {}, admin)).data.allWorkingGroups[0].id;
  });
  afterAll(() => t.close());

  const postId = async (title: string) =>
    (await t.gql('query($q: String!) { allPosts(filter: { q: $q }) { id title } }', { q: title }, admin)).data.allPosts.find((p: { title: string }) => p.title === title).id;
  const newPerson = async (name: string) => (await t.gql('mutation($n: String!) { createPerson(name: $n) { id } }', { n: name }, admin)).data.createPerson.id;
  const roster = async (id: string, asOf: string | null) => (await t.gql(ROSTER, { id, asOf }, admin)).data.WorkingGroup.members;

  it('previews, then passes every seat of the post to the successor on the date, keeping the roster before it', async () => {
    const post = await postId('宝盖镇党委副书记、镇长');
    const successor = await newPerson('继任镇长');
    const input = { postId: post, successorId: successor, date: '2024-03-01' };

    const preview = await t.gql(
      'query($i: SuccessionInput!) { successionPreview(input: $i) { predecessor { name } successor { name } closedSeats { role } newSeats { id role sortOrder validFrom } auditEventId } }',
      { i: input },
      admin,
    );
    expect(preview.data.successionPreview).toEqual({
      predecessor: { name: '柳建波' },
      successor: { name: '继任镇长' },
      closedSeats: [{ role: 'LEADER' }],
      newSeats: null,
      auditEventId: null,
    });
    expect((await roster(groupId, '2024-03-01'))[0].person.name).toBe('柳建波');

    const auditBefore = (await t.gql('{ _allAuditEventsMeta { count } }', {}, admin)).data._allAuditEventsMeta.count;
    const res = await t.gql(
      'mutation($i: SuccessionInput!) { recordSuccession(input: $i) { predecessor { name } closedSeats { id validTo } newSeats { role sortOrder validFrom } auditEventId } }',
      { i: input },
      admin,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.recordSuccession.closedSeats).toEqual([expect.objectContaining({ validTo: '2024-02-29' })]);
    expect(res.data.recordSuccession.newSeats).toEqual([{ role: 'LEADER', sortOrder: 1, validFrom: '2024-03-01' }]);
    expect((await t.gql('{ _allAuditEventsMeta { count } }', {}, admin)).data._allAuditEventsMeta.count).toBe(auditBefore + 1);
    const event = await t.gql('query($id: ID!) { AuditEvent(id: $id) { action entityType before after } }', { id: res.data.recordSuccession.auditEventId }, admin);
    expect(event.data.AuditEvent).toMatchObject({ action: 'SUCCESSION', entityType: 'Post', after: { date: '2024-03-01', closedOn: '2024-02-29' } });

    const before = await roster(groupId, '2024-02-29');
    const after = await roster(groupId, '2024-03-01');
    expect(before[0]).toMatchObject({ role: 'LEADER', sortOrder: 1, person: { name: '柳建波' }, post: { title: '宝盖镇党委副书记、镇长' }, validTo: '2024-02-29' });
    expect(after[0]).toMatchObject({ role: 'LEADER', sortOrder: 1, person: { name: '继任镇长' }, post: { title: '宝盖镇党委副书记、镇长' }, validFrom: '2024-03-01', validTo: null });
    expect(after).toHaveLength(before.length);
    expect(after.slice(1)).toEqual(before.slice(1));
    // Nothing deleted: the predecessor's seat is still there, closed.
    const all = await roster(groupId, null);
    expect(all.filter((m: { person: { name: string } }) => m.person.name === '柳建波')).toHaveLength(1);
    const holdings = await t.gql('query($id: ID!) { Post(id: $id) { holdings { person { name } validFrom validTo } } }', { id: post }, admin);
    expect(holdings.data.Post.holdings).toEqual([
      { person: { name: '柳建波' }, validFrom: '2023-11-01', validTo: '2024-02-29' },
      { person: { name: '继任镇长' }, validFrom: '2024-03-01', validTo: null },
    ]);
  });

  it('moves a concurrent seat in every group tied to the post (王泽永: group and office)', async () => {
    const post = await postId('宝盖镇基层治理服务中心主任');
    const successor = await newPerson('新主任');
    const res = await t.gql(
      'mutation($i: SuccessionInput!) { recordSuccession(input: $i) { closedSeats { groupId role } newSeats { groupId role concurrent } } }',
      { i: { postId: post, successorId: successor, date: '2024-06-01' } },
      admin,
    );
    expect(res.data.recordSuccession.newSeats).toEqual(
      expect.arrayContaining([
        { groupId, role: 'DEPUTY', concurrent: false },
        { groupId: officeId, role: 'DIRECTOR', concurrent: true },
      ]),
    );
    expect((await roster(officeId, '2024-06-01'))[0].person.name).toBe('新主任');
    expect((await roster(officeId, '2024-05-31'))[0].person.name).toBe('王泽永');
  });

  it('asks whose seats pass when several people hold the post', async () => {
    const post = await postId('办事处副主任'); // 李铭集 and 黄艺君 (004)
    const successor = await newPerson('新副主任');
    const res = await t.gql('mutation($i: SuccessionInput!) { recordSuccession(input: $i) { date } }', { i: { postId: post, successorId: successor, date: '2025-01-01' } }, admin);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('predecessorId');
    const li = (await t.gql('{ allPeople(filter: { q: "李铭集" }) { id } }', {}, admin)).data.allPeople[0].id;
    const ok = await t.gql(
      'mutation($i: SuccessionInput!) { recordSuccession(input: $i) { predecessor { name } newSeats { role } } }',
      { i: { postId: post, successorId: successor, date: '2025-01-01', predecessorId: li } },
      admin,
    );
    expect(ok.data.recordSuccession.predecessor.name).toBe('李铭集');
    expect(ok.data.recordSuccession.newSeats.map((s: { role: string }) => s.role).sort()).toEqual(['DEPUTY', 'LEADER']);
  });

  it('refuses a date on or before the seat began, and changes nothing', async () => {
    const post = await postId('宝盖镇党委组织委员');
    const successor = await newPerson('某人');
    const res = await t.gql('mutation($i: SuccessionInput!) { recordSuccession(input: $i) { date } }', { i: { postId: post, successorId: successor, date: '2023-11-01' } }, admin);
    expect(fieldOf(res)).toBe('date');
    expect((await roster(groupId, '2023-11-01')).map((m: { person: { name: string } }) => m.person.name)).toContain('蔡慰玲');
    expect((await roster(groupId, '2030-01-01')).map((m: { person: { name: string } }) => m.person.name)).toContain('蔡慰玲');
  });

  it("reorders a role's seats with one audit event", async () => {
    const seats = (await roster(groupId, null)).filter((m: { role: string; validTo: null }) => m.role === 'DEPUTY' && m.validTo === null);
    const reversed = [...seats].reverse().map((s: { id: string }) => s.id);
    const res = await t.gql('mutation($g: ID!, $ids: [ID!]!) { reorderMemberships(groupId: $g, role: DEPUTY, membershipIds: $ids) { id sortOrder } }', { g: groupId, ids: reversed }, admin);
    expect(res.data.reorderMemberships.map((s: { id: string }) => s.id)).toEqual(reversed);
    const now = (await roster(groupId, '2030-01-01')).filter((m: { role: string }) => m.role === 'DEPUTY');
    expect(now.map((s: { id: string }) => s.id)).toEqual(reversed);
    const partial = await t.gql('mutation($g: ID!, $ids: [ID!]!) { reorderMemberships(groupId: $g, role: DEPUTY, membershipIds: $ids) { id } }', { g: groupId, ids: reversed.slice(1) }, admin);
    expect(fieldOf(partial)).toBe('membershipIds');
  });
});
