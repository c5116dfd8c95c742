import { Role } from '../../../src/common/roles';
import { dbKind } from '../../db';
import { codeOf, fieldOf, type GqlResponse, startTestApp, type TestApp } from '../../harness';

/*
 * 实事 / 微实事 (issue 16; 003 §2, 004 二(十)): a compound's practical matter opened, worked on and closed
 * (销号) — closing without evidence is a field error and changes nothing; closed, it is fixed until
 * reopened with a reason; a community's staff keep their own compounds' matters only. Both databases.
 */
describe(`practical matters (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  const J = new Map<string, string>();
  let n = 0;

  async function ok(query: string, variables: Record<string, unknown> = {}, token = admin) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const refusal = (r: GqlResponse) => [codeOf(r), fieldOf(r), r.errors?.[0]?.extensions?.reason];
  const compound = async (community = '阳光社区') =>
    (await ok('mutation($c: ID!, $n: String!) { createCompound(name: $n, communityId: $c, managementMode: NONE) { id } }', { c: J.get(community), n: `实事小区${++n}` })).createCompound.id as string;
  const open = (compoundId: string, token = admin) =>
    t.gql(
      'mutation($c: ID!) { createPracticalMatter(compoundId: $c, kind: TEN_MATTERS, category: EBIKE, title: "建设电动车集中充电棚", openedOn: "2025-03-01") { id status communityId openedOn } }',
      { c: compoundId },
      token,
    );
  const advance = (id: string, args: string, token = admin) => t.gql(`mutation($id: ID!) { advancePracticalMatter(id: $id, ${args}) { id status evidence startedOn closedOn } }`, { id }, token);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    for (const j of (await ok('{ allJurisdictions(perPage: 1000) { id name } }')).allJurisdictions as Array<{ id: string; name: string }>) J.set(j.name, j.id);
  });
  afterAll(() => t.close());

  it('opens a matter in its compound’s community, works on it, and closes it only with evidence', async () => {
    const c = await compound();
    const m = (await open(c)).data!.createPracticalMatter;
    expect(m).toMatchObject({ status: 'OPEN', communityId: J.get('阳光社区'), openedOn: '2025-03-01' });
    expect((await advance(m.id, 'to: IN_PROGRESS, date: "2025-03-10"')).data!.advancePracticalMatter).toMatchObject({ status: 'IN_PROGRESS', startedOn: '2025-03-10' });
    // 销号 without evidence: a field error, nothing changed
    expect(refusal(await advance(m.id, 'to: CLOSED, date: "2025-04-01"'))).toEqual(['BAD_USER_INPUT', 'evidence', 'REQUIRED']);
    expect(refusal(await advance(m.id, 'to: CLOSED, date: "2025-04-01", evidence: "   "'))).toEqual(['BAD_USER_INPUT', 'evidence', 'REQUIRED']);
    expect((await ok('query($id: ID!) { PracticalMatter(id: $id) { status closedOn } }', { id: m.id })).PracticalMatter).toEqual({ status: 'IN_PROGRESS', closedOn: null });
    const closed = (await advance(m.id, 'to: CLOSED, date: "2025-04-01", evidence: "充电棚已建成投用，可停放 60 辆"')).data!.advancePracticalMatter;
    expect(closed).toMatchObject({ status: 'CLOSED', closedOn: '2025-04-01', evidence: '充电棚已建成投用，可停放 60 辆' });
    // closed, it is fixed; reopened with a reason it can change again
    expect(refusal(await t.gql('mutation($id: ID!) { updatePracticalMatter(id: $id, title: "改名") { id } }', { id: m.id }, admin))).toEqual(['CONFLICT', 'title', 'FROZEN']);
    expect(refusal(await advance(m.id, 'to: IN_PROGRESS, date: "2025-04-05"'))).toEqual(['BAD_USER_INPUT', 'reason', 'REASON_REQUIRED']);
    expect((await advance(m.id, 'to: IN_PROGRESS, date: "2025-04-05", reason: "居民反映充电桩故障"')).data!.advancePracticalMatter).toMatchObject({ status: 'IN_PROGRESS', closedOn: null });
  });

  it('lets a community’s staff keep their own compounds’ matters only', async () => {
    const unitOf = async (community: string) =>
      ((await ok('query($j: ID!) { allUnits(filter: { jurisdictionId: $j }) { id kind } }', { j: J.get(community) })).allUnits as Array<{ id: string; kind: string }>).find(
        (u) => u.kind === 'COMMUNITY',
      )!.id;
    const staff = await t.createUser({ username: 'yangguang-matters', role: Role.UNIT_STAFF, unitId: await unitOf('阳光社区') });
    const own = await compound('阳光社区');
    const sibling = await compound('莲屿社区');
    const mine = (await open(own, staff.token)).data!.createPracticalMatter;
    expect(mine.status).toBe('OPEN');
    // another community's compound is not there for them
    expect(refusal(await open(sibling, staff.token))).toEqual(['BAD_USER_INPUT', 'compoundId', 'UNKNOWN_REFERENCE']);
    const theirs = (await open(sibling)).data!.createPracticalMatter;
    expect(codeOf(await advance(theirs.id, 'to: IN_PROGRESS, date: "2025-03-02"', staff.token))).toMatch(/FORBIDDEN|NOT_FOUND/);
    const auditor = await t.userWithRole(Role.AUDITOR);
    expect(codeOf(await open(own, auditor.token))).toBe('FORBIDDEN');
  });

  it('tells the responsible unit’s staff when a matter is handed to them, and when it is sent back with the reason', async () => {
    const unit = ((await ok('query($j: ID!) { allUnits(filter: { jurisdictionId: $j }) { id kind } }', { j: J.get('阳光社区') })).allUnits as Array<{ id: string; kind: string }>).find(
      (u) => u.kind === 'COMMUNITY',
    )!.id;
    const staff = await t.createUser({ username: 'pm_notified', role: Role.UNIT_STAFF, unitId: unit });
    const mine = async () =>
      (await ok('{ myNotifications(perPage: 20) { kind title body link } }', {}, staff.token)).myNotifications as Array<{ kind: string; title: string; body: string | null; link: string }>;
    const before = (await mine()).length;
    const c = await compound();
    const made = (
      await ok(
        'mutation($c: ID!, $u: ID!) { createPracticalMatter(compoundId: $c, kind: MICRO_PROJECT, category: LIGHTING, title: "更换小区路灯", openedOn: "2025-05-01", ownerUnitId: $u, dueOn: "2025-06-30") { id } }',
        { c, u: unit },
      )
    ).createPracticalMatter;
    const [assigned] = await mine();
    expect(assigned).toEqual({ kind: 'PRACTICAL_MATTER_ASSIGNED', title: '实事交办：更换小区路灯（完成时限 2025-06-30）', body: null, link: `#/PracticalMatter/${made.id}/show` });
    // the staff's own moves tell no one of their own act; the office's reopening tells them why
    await ok('mutation($id: ID!) { advancePracticalMatter(id: $id, to: CLOSED, date: "2025-06-01", evidence: "已更换 12 盏") { id } }', { id: made.id }, staff.token);
    await ok('mutation($id: ID!) { advancePracticalMatter(id: $id, to: IN_PROGRESS, date: "2025-06-03", reason: "仍有 3 盏不亮") { id } }', { id: made.id });
    const after = await mine();
    expect(after).toHaveLength(before + 2);
    expect(after[0]).toMatchObject({ kind: 'PRACTICAL_MATTER_REOPENED', title: '实事退回重办：更换小区路灯（2025-06-03）', body: '仍有 3 盏不亮' });
    // a correction that does not change the unit tells no one again
    await ok('mutation($id: ID!) { updatePracticalMatter(id: $id, plan: "分两批更换") { id } }', { id: made.id });
    expect(await mine()).toHaveLength(before + 2);
  });
});
