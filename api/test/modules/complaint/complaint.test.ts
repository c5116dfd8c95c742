import { todayInChina } from '../../../src/common/dates';
import { Role } from '../../../src/common/roles';
import { usccCheckChar } from '../../../src/common/uscc';
import { dbKind } from '../../db';
import { codeOf, fieldOf, startTestApp, type TestApp } from '../../harness';

/** 投诉: the complaint module's workflow, end to end through the API, on both databases. */
describe(`complaints (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let compound: { id: string; name: string; propertyCompanyId: string | null; communityId: string };
  let units: Array<{ id: string }>;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const { data, errors } = await t.gql('{ allJurisdictions(perPage: 1, filter: { level: COMMUNITY }) { id } allUnits(perPage: 2) { id } }', {}, admin);
    expect(errors).toBeUndefined();
    const [community] = data.allJurisdictions;
    const code = '91350582MA2CMP001';
    const company = await t.gql(`mutation { createPropertyCompany(name: "投诉测试物业", uscc: "${code}${usccCheckChar(code)}") { id } }`, {}, admin);
    expect(company.errors).toBeUndefined();
    const made = await t.gql(
      `mutation { createCompound(name: "投诉测试小区", communityId: "${community.id}", managementMode: PROFESSIONAL, propertyCompanyId: "${company.data.createPropertyCompany.id}") { id name propertyCompanyId communityId } }`,
      {},
      admin,
    );
    expect(made.errors).toBeUndefined();
    compound = made.data.createCompound;
    units = data.allUnits;
  });
  afterAll(() => t.close());

  const FIELDS =
    'id status receivedOn assignedOn handledOn closedOn result communityId propertyCompanyId assignedUnit { id } nextStatuses nextMoves { to reasonRequired datedByHand requiredFields } steps { fromStatus toStatus stepDate actorName reason }';
  const create = async (extra = '') => {
    const res = await t.gql(
      `mutation { createComplaint(compoundId: "${compound.id}", channel: VISIT, category: CLEANING, summary: "楼道堆放杂物无人清理"${extra}, receivedOn: "2026-02-01") { ${FIELDS} } }`,
      {},
      admin,
    );
    expect(res.errors).toBeUndefined();
    return res.data.createComplaint;
  };
  const advance = (id: string, args: string, token = admin) => t.gql(`mutation { advanceComplaint(id: "${id}", ${args}) { ${FIELDS} } }`, {}, token);

  it('is received on its day, takes community and company from the compound, and cannot be assigned before a unit is named', async () => {
    const c = await create();
    expect(c).toMatchObject({ status: 'RECEIVED', receivedOn: '2026-02-01', communityId: compound.communityId, propertyCompanyId: compound.propertyCompanyId, assignedUnit: null });
    expect(c.steps).toEqual([{ fromStatus: null, toStatus: 'RECEIVED', stepDate: '2026-02-01', actorName: 'admin', reason: null }]);
    // no unit yet: only "not accepted" (with a reason) is offered
    expect(c.nextMoves).toEqual([{ to: 'CLOSED', reasonRequired: true, datedByHand: true, requiredFields: [] }]);
    const refused = await advance(c.id, 'to: ASSIGNED, date: "2026-02-02"');
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0].extensions!.reason).toBe('REQUIRED');
  });

  it('goes received → assigned → handled (with its result) → closed, each step dated and signed, and is fixed once handled', async () => {
    const c = await create();
    await t.gql(`mutation { updateComplaint(id: "${c.id}", assignedUnitId: "${units[0].id}") { id } }`, {}, admin);
    const early = await advance(c.id, 'to: ASSIGNED, date: "2026-01-31"');
    expect(early.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date', reason: 'BEFORE_PREVIOUS' });
    const assigned = (await advance(c.id, 'to: ASSIGNED, date: "2026-02-02"')).data.advanceComplaint;
    expect(assigned).toMatchObject({ status: 'ASSIGNED', assignedOn: '2026-02-02' });
    expect(assigned.nextMoves).toEqual([{ to: 'HANDLED', reasonRequired: false, datedByHand: true, requiredFields: ['result'] }]);
    const noResult = await advance(c.id, 'to: HANDLED, date: "2026-02-03"');
    expect(fieldOf(noResult)).toBe('result');
    const handled = (await advance(c.id, 'to: HANDLED, date: "2026-02-03", result: "物业已清理并张贴告示"')).data.advanceComplaint;
    expect(handled).toMatchObject({ status: 'HANDLED', handledOn: '2026-02-03', result: '物业已清理并张贴告示' });
    const frozen = await t.gql(`mutation { updateComplaint(id: "${c.id}", summary: "改写诉求") { id } }`, {}, admin);
    expect(frozen.errors![0].extensions).toMatchObject({ code: 'CONFLICT', field: 'summary', reason: 'FROZEN' });
    const future = await advance(c.id, `to: CLOSED, date: "2999-01-01"`);
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
    const closed = (await advance(c.id, `to: CLOSED, date: "${todayInChina()}"`)).data.advanceComplaint;
    expect(closed.status).toBe('CLOSED');
    expect(closed.nextStatuses).toEqual([]);
    expect(closed.steps.map((s: { toStatus: string }) => s.toStatus)).toEqual(['RECEIVED', 'ASSIGNED', 'HANDLED', 'CLOSED']);
  });

  it('lets only the assigned unit’s staff record the result, and sends a result back with a reason', async () => {
    const c = await create(`, assignedUnitId: "${units[0].id}"`);
    await advance(c.id, 'to: ASSIGNED, date: "2026-02-02"');
    const own = await t.userWithRole(Role.UNIT_STAFF, units[0].id);
    const other = await t.userWithRole(Role.UNIT_STAFF, units[1].id);
    const auditor = await t.userWithRole(Role.AUDITOR);
    expect((await t.gql(`{ Complaint(id: "${c.id}") { nextStatuses } }`, {}, other.token)).data.Complaint.nextStatuses).toEqual([]);
    const foreign = await advance(c.id, 'to: HANDLED, date: "2026-02-03", result: "x"', other.token);
    expect(foreign.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
    expect(codeOf(await advance(c.id, 'to: HANDLED, date: "2026-02-03", result: "x"', auditor.token))).toBe('FORBIDDEN');
    expect((await t.gql(`{ Complaint(id: "${c.id}") { nextStatuses } }`, {}, own.token)).data.Complaint.nextStatuses).toEqual(['HANDLED']);
    const handled = await advance(c.id, 'to: HANDLED, date: "2026-02-03", result: "已维修"', own.token);
    expect(handled.data.advanceComplaint.status).toBe('HANDLED');
    // the unit may not close it; the office sends it back, with a reason
    expect(codeOf(await advance(c.id, 'to: CLOSED, date: "2026-02-04"', own.token))).toBe('FORBIDDEN');
    const noReason = await advance(c.id, 'to: ASSIGNED, date: "2026-02-04"');
    expect(noReason.errors![0].extensions).toMatchObject({ reason: 'REASON_REQUIRED' });
    const back = (await advance(c.id, 'to: ASSIGNED, date: "2026-02-04", reason: "回访业主不满意"')).data.advanceComplaint;
    expect(back).toMatchObject({ status: 'ASSIGNED', assignedOn: '2026-02-02', handledOn: null });
    expect(back.steps.at(-1)).toMatchObject({ fromStatus: 'HANDLED', toStatus: 'ASSIGNED', reason: '回访业主不满意' });
  });

  it('refuses a stale move: two offices closing at once, one wins', async () => {
    const c = await create();
    const [a, b] = await Promise.all([advance(c.id, 'to: CLOSED, date: "2026-02-02", reason: "重复投诉"'), advance(c.id, 'to: CLOSED, date: "2026-02-02", reason: "重复投诉"')]);
    const outcomes = [a, b].map((r) => (r.errors ? r.errors[0].extensions!.reason : r.data.advanceComplaint.status)).sort();
    expect(outcomes[0]).toBe('CLOSED');
    expect(['INVALID_TRANSITION', 'STALE']).toContain(outcomes[1]);
    const { data } = await t.gql(`{ Complaint(id: "${c.id}") { steps { toStatus } } }`, {}, admin);
    expect(data.Complaint.steps.map((s: { toStatus: string }) => s.toStatus)).toEqual(['RECEIVED', 'CLOSED']);
  });

  it('lists by status and by the day received, and offers no delete', async () => {
    const { data } = await t.gql(
      '{ allComplaints(filter: { status: [CLOSED] }, sortField: "receivedOn", sortOrder: "DESC") { id status } _allComplaintsMeta(filter: { status: [CLOSED] }) { count } }',
      {},
      admin,
    );
    expect(data.allComplaints.length).toBe(data._allComplaintsMeta.count);
    expect(data.allComplaints.every((c: { status: string }) => c.status === 'CLOSED')).toBe(true);
    expect(codeOf(await t.gql('mutation { deleteComplaint(id: "1") { id } }', {}, admin))).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
