import { todayInChina } from '../../../src/common/dates';
import { Role } from '../../../src/common/roles';
import { usccCheckChar } from '../../../src/common/uscc';
import { notify } from '../../../src/modules/notification';
import { dbKind } from '../../db';
import { codeOf, type GqlResponse, startTestApp, type TestApp } from '../../harness';

const FIELDS = 'id kind params title body link entityType entityId actorName read readAt createdAt';
const reasonOf = (r: GqlResponse) => r.errors?.[0]?.extensions?.reason;

/** 消息提醒: what the sources send, who receives it, and each user's own list, count and marks (both databases). */
describe(`notifications (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let qingyang: string;
  let yangguang: string;
  const users: Record<string, { token: string; id: string }> = {};
  let sites = 0;

  const ok = async (query: string, variables: Record<string, unknown> = {}, token = admin) => {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const mine = async (who: string, args = '') =>
    (await ok(`{ myNotifications${args} { ${FIELDS} } myUnreadNotificationCount }`, {}, users[who].token)) as { myNotifications: any[]; myUnreadNotificationCount: number };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const j = await ok('{ a: allJurisdictions(filter: { q: "青阳街道" }) { id } b: allJurisdictions(filter: { q: "阳光社区" }) { id } c: allJurisdictions(filter: { q: "宝盖镇" }) { id } }');
    qingyang = j.a[0].id;
    yangguang = j.b[0].id;
    const baogai = j.c[0].id;
    for (const [name, role, office] of [
      ['maker', Role.PARTY_OFFICE, qingyang],
      ['checker', Role.PARTY_OFFICE, qingyang],
      ['checker2', Role.PARTY_OFFICE, qingyang],
      ['gone', Role.PARTY_OFFICE, qingyang],
      ['office_admin', Role.ADMIN, qingyang],
      ['elsewhere', Role.PARTY_OFFICE, baogai],
    ] as const) {
      users[name] = await t.createUser({ username: `n_${name}`, displayName: `用户${name}`, role, jurisdictionId: office });
    }
    await ok('mutation($id: ID!) { updateUser(id: $id, active: false) { id } }', { id: users.gone.id });
  });
  afterAll(() => t.close());

  /** A payout of 青阳街道's seeded programme, drafted by the maker (a case accepted by both, payouts generated). */
  async function draftPayout(): Promise<{ id: string; recipientName: string; amount: string }> {
    const maker = users.maker.token;
    const programme = (await ok('{ allIncentiveProgrammes(filter: { trigger: DEMONSTRATION_SITE_ACCEPTED }) { id jurisdictionId } }', {}, maker)).allIncentiveProgrammes.find(
      (p: { jurisdictionId: string }) => p.jurisdictionId === qingyang,
    );
    const code = `91350582MA2NTF${String(++sites).padStart(3, '0')}`;
    const company = (await ok(`mutation($u: String!) { createPropertyCompany(name: "提醒物业${sites}", uscc: $u) { id } }`, { u: code + usccCheckChar(code) }, maker)).createPropertyCompany;
    const compound = (
      await ok(
        `mutation($c: ID!, $n: String!, $p: ID) { createCompound(name: $n, communityId: $c, managementMode: PROFESSIONAL, propertyCompanyId: $p) { id } }`,
        {
          c: yangguang,
          n: `提醒小区${sites}`,
          p: company.id,
        },
        maker,
      )
    ).createCompound;
    const created = (
      await ok('mutation($p: ID!, $c: ID!) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: "2024-05-06", year: 2024) { id } }', { p: programme.id, c: compound.id }, maker)
    ).createAwardCase;
    for (const [to, d] of [
      ['INSPECTED', '2024-06-01'],
      ['SUPERIOR_ACCEPTED', '2024-06-20'],
      ['STREET_ACCEPTED', '2024-07-01'],
    ])
      await ok('mutation($id: ID!, $to: AwardCaseStatus!, $d: LocalDate!) { advanceAwardCase(id: $id, to: $to, date: $d) { id } }', { id: created.id, to, d }, maker);
    const payouts = (await ok('mutation($c: ID!) { generateAwardPayouts(caseId: $c) { id recipientName amount recipientRole } }', { c: created.id }, maker)).generateAwardPayouts;
    return payouts.find((p: { recipientRole: string }) => p.recipientRole === 'COMMUNITY');
  }

  it('tells the office’s other PARTY_OFFICE members that a payout waits for their approval, in the move’s transaction', async () => {
    const payout = await draftPayout();
    for (const who of ['maker', 'checker', 'checker2', 'office_admin', 'elsewhere']) expect({ who, n: (await mine(who)).myUnreadNotificationCount }).toEqual({ who, n: 0 });
    await ok('mutation($id: ID!) { submitPayout(id: $id) { status } }', { id: payout.id }, users.maker.token);

    const got = await mine('checker');
    expect(got.myUnreadNotificationCount).toBe(1);
    expect(got.myNotifications).toEqual([
      expect.objectContaining({
        kind: 'PAYOUT_SUBMITTED',
        params: { programme: expect.any(String), recipient: payout.recipientName, amount: payout.amount.includes('.') ? payout.amount : `${payout.amount}.00` },
        title: expect.stringContaining(`奖励发放待审批：${payout.recipientName}`),
        body: null,
        link: `#/Payout/${payout.id}/show`,
        entityType: 'Payout',
        entityId: payout.id,
        actorName: '用户maker',
        read: false,
        readAt: null,
      }),
    ]);
    expect((await mine('checker2')).myUnreadNotificationCount).toBe(1);
    // not the maker (who may not approve), not the office's ADMIN (who does not sign), not another office, not a deactivated user
    for (const who of ['maker', 'office_admin', 'elsewhere']) expect({ who, n: (await mine(who)).myUnreadNotificationCount }).toEqual({ who, n: 0 });
    expect(Number((await t.app.ds.query('SELECT COUNT(*) AS n FROM notification WHERE userId = ?', [Number(users.gone.id)]))[0].n)).toBe(0);

    // taken back and submitted again: told again
    await ok('mutation($id: ID!) { reopenPayout(id: $id) { status } }', { id: payout.id }, users.maker.token);
    await ok('mutation($id: ID!) { submitPayout(id: $id) { status } }', { id: payout.id }, users.maker.token);
    expect((await mine('checker')).myUnreadNotificationCount).toBe(2);
  });

  it('lets each user read and mark only their own: another’s id is NOT_FOUND and nothing is marked', async () => {
    const theirs = (await mine('checker2')).myNotifications[0];
    const foreign = await t.gql('mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }', { ids: [theirs.id] }, users.checker.token);
    expect(codeOf(foreign)).toBe('NOT_FOUND');
    const own = (await mine('checker')).myNotifications;
    const mixed = await t.gql('mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }', { ids: [own[0].id, theirs.id] }, users.checker.token);
    expect(codeOf(mixed)).toBe('NOT_FOUND');
    expect((await mine('checker')).myUnreadNotificationCount).toBe(2);
    expect((await mine('checker2')).myUnreadNotificationCount).toBe(2);

    const marked = await ok(`mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { ${FIELDS} } }`, { ids: [own[0].id, own[0].id] }, users.checker.token);
    expect(marked.markNotificationsRead).toEqual([expect.objectContaining({ id: own[0].id, read: true, readAt: expect.any(String) })]);
    // marking it again keeps the first time
    const again = await ok('mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { readAt } }', { ids: [own[0].id] }, users.checker.token);
    expect(again.markNotificationsRead[0].readAt).toBe(marked.markNotificationsRead[0].readAt);
    const after = await mine('checker', '(unreadOnly: true)');
    expect(after.myUnreadNotificationCount).toBe(1);
    expect(after.myNotifications.map((n) => n.id)).toEqual([own[1].id]);
    expect((await ok('{ myNotificationCount myUnread: myNotificationCount(unreadOnly: true) }', {}, users.checker.token)).myNotificationCount).toBe(2);

    expect((await ok('mutation { markAllNotificationsRead }', {}, users.checker.token)).markAllNotificationsRead).toBe(1);
    expect((await ok('mutation { markAllNotificationsRead }', {}, users.checker.token)).markAllNotificationsRead).toBe(0);
    expect((await mine('checker')).myUnreadNotificationCount).toBe(0);
    expect((await mine('checker2')).myUnreadNotificationCount).toBe(2);
    // nothing of this is an audit event: it is the user's own state
    const events = await ok('{ allAuditEvents(perPage: 5) { action } }');
    expect(events.allAuditEvents.map((e: { action: string }) => e.action)).not.toContain('MARK_READ');
  });

  it('pages the list, newest first, within bounds', async () => {
    const unit = (await ok(`{ allUnits(perPage: 1, filter: { jurisdictionId: "${yangguang}" }) { id } }`)).allUnits[0].id;
    const staff = await t.createUser({ username: 'n_pager', role: Role.UNIT_STAFF, unitId: unit });
    await t.app.services.tx.run(async (em) => {
      for (let i = 1; i <= 5; i++) {
        await notify(em, { recipients: { users: [Number(staff.id)] }, kind: 'COMPLAINT_ASSIGNED', params: { summary: `第${i}件`, date: '2026-01-0' + i }, entityType: 'Complaint', entityId: i });
      }
    });
    const page = async (p: number) =>
      (await ok(`{ myNotifications(page: ${p}, perPage: 2) { params } }`, {}, staff.token)).myNotifications.map((n: { params: { summary: string } }) => n.params.summary);
    expect([await page(0), await page(1), await page(2), await page(3)]).toEqual([['第5件', '第4件'], ['第3件', '第2件'], ['第1件'], []]);
    for (const [args, field] of [
      ['perPage: 101', 'perPage'],
      ['perPage: 0', 'perPage'],
      ['page: -1', 'page'],
    ]) {
      const res = await t.gql(`{ myNotifications(${args}) { id } }`, {}, staff.token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, reason: 'OUT_OF_RANGE' });
    }
    const tooMany = await t.gql('mutation($ids: [ID!]!) { markNotificationsRead(ids: $ids) { id } }', { ids: Array.from({ length: 101 }, (_, i) => String(i + 1)) }, staff.token);
    expect(reasonOf(tooMany)).toBe('TOO_MANY');
  });

  it('tells the staff of the unit a complaint is assigned to, and again with the reason when it is sent back', async () => {
    const unit = (await ok(`{ allUnits(perPage: 1, filter: { jurisdictionId: "${yangguang}" }) { id } }`)).allUnits[0].id;
    const staff = await t.createUser({ username: 'n_unit', displayName: '社区干事', role: Role.UNIT_STAFF, unitId: unit });
    const compound = (await ok(`mutation($c: ID!) { createCompound(name: "投诉提醒小区", communityId: $c, managementMode: NONE) { id } }`, { c: yangguang })).createCompound;
    const c = (
      await ok(
        `mutation($c: ID!, $u: ID!) { createComplaint(compoundId: $c, channel: HOTLINE_12345, category: ELEVATOR, summary: "电梯停运三天无人维修", receivedOn: "2026-02-01", assignedUnitId: $u) { id } }`,
        {
          c: compound.id,
          u: unit,
        },
      )
    ).createComplaint;
    expect((await mine('maker')).myUnreadNotificationCount).toBe(0);
    const before = (await ok('{ myUnreadNotificationCount }', {}, staff.token)).myUnreadNotificationCount;
    expect(before).toBe(0);
    await ok(`mutation($id: ID!) { advanceComplaint(id: $id, to: ASSIGNED, date: "2026-02-02") { id } }`, { id: c.id }, users.maker.token);
    const first = (await ok(`{ myNotifications { ${FIELDS} } }`, {}, staff.token)).myNotifications;
    expect(first).toEqual([
      expect.objectContaining({
        kind: 'COMPLAINT_ASSIGNED',
        params: { summary: '电梯停运三天无人维修', date: '2026-02-02' },
        title: '投诉转办：电梯停运三天无人维修（2026-02-02）',
        link: `#/Complaint/${c.id}/show`,
        actorName: '用户maker',
      }),
    ]);
    await ok(`mutation($id: ID!) { advanceComplaint(id: $id, to: HANDLED, date: "2026-02-03", result: "已报修") { id } }`, { id: c.id }, staff.token);
    await ok(`mutation($id: ID!) { advanceComplaint(id: $id, to: ASSIGNED, date: "2026-02-04", reason: "回访业主不满意") { id } }`, { id: c.id }, users.maker.token);
    const second = (await ok(`{ myNotifications(perPage: 1) { ${FIELDS} } }`, {}, staff.token)).myNotifications[0];
    expect(second).toMatchObject({ kind: 'COMPLAINT_RETURNED', body: '回访业主不满意', title: '投诉退回重办：电梯停运三天无人维修（2026-02-04）' });
  });

  it('writes one row per user per dedupe key, once per user however named, and nothing when the transaction rolls back', async () => {
    const unit = (await ok(`{ allUnits(perPage: 1, filter: { jurisdictionId: "${yangguang}" }) { id } }`)).allUnits[0].id;
    const staff = await t.createUser({ username: 'n_dedupe', role: Role.UNIT_STAFF, unitId: unit });
    const count = async () => Number((await t.app.ds.query('SELECT COUNT(*) AS n FROM notification WHERE userId = ?', [Number(staff.id)]))[0].n);
    const send = (dedupeKey: string | null) =>
      t.app.services.tx.run((em) =>
        notify(em, {
          recipients: { users: [Number(staff.id)], units: [Number(unit)] },
          kind: 'COMPLAINT_ASSIGNED',
          params: { summary: '提醒', date: todayInChina() },
          entityType: 'Complaint',
          entityId: 1,
          dedupeKey,
        }),
      );
    const first = await send(`reminder:1:${todayInChina()}`);
    expect(first.filter((n) => n.userId === Number(staff.id))).toHaveLength(1);
    expect(await count()).toBe(1);
    expect(await send(`reminder:1:${todayInChina()}`)).toEqual([]);
    expect(await count()).toBe(1);
    await send('reminder:1:another-day');
    expect(await count()).toBe(2);
    await send(null);
    await send(null);
    expect(await count()).toBe(4);

    await expect(
      t.app.services.tx.run(async (em) => {
        await notify(em, { recipients: { users: [Number(staff.id)] }, kind: 'COMPLAINT_ASSIGNED', params: { summary: '回滚', date: todayInChina() }, entityType: 'Complaint', entityId: 2 });
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    expect(await count()).toBe(4);
  });

  it('refuses an undeclared kind or missing parameters (a programming error, not a user’s)', async () => {
    await expect(t.app.services.tx.run((em) => notify(em, { recipients: { users: [1] }, kind: 'NO_SUCH_KIND' as never, params: {} as never, entityType: 'X', entityId: 1 }))).rejects.toThrow(
      /Unknown notification kind NO_SUCH_KIND/,
    );
    await expect(
      t.app.services.tx.run((em) => notify(em, { recipients: { users: [1] }, kind: 'COMPLAINT_ASSIGNED', params: { summary: 'x' } as never, entityType: 'X', entityId: 1 })),
    ).rejects.toThrow(/needs the parameters date/);
  });

  it('answers nobody who is not signed in, and no one whose password an ADMIN just set', async () => {
    expect(codeOf(await t.gql('{ myUnreadNotificationCount }'))).toBe('UNAUTHENTICATED');
    await t.gql('mutation { createUser(username: "n_fresh", displayName: "新", password: "set-by-admin-123", role: AUDITOR) { id } }', {}, admin);
    const fresh = await t.login('n_fresh', 'set-by-admin-123');
    expect(reasonOf(await t.gql('{ myUnreadNotificationCount }', {}, fresh))).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});
