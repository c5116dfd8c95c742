import { toHttpError } from '../src/dataProvider/errors';
import { startTestApp, type TestApp } from '../../api/test/harness';

/**
 * The console puts server errors next to their fields: real errors from the API, turned into what
 * react-admin's forms read (HttpError.body.errors), keyed by field, with messages it translates.
 */
describe('server errors in the console forms', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
  });
  afterAll(() => t.close());

  const asApollo = (res: { errors?: unknown[] }) => ({ body: { graphQLErrors: res.errors } });

  it('maps a bad credit code to the uscc field', async () => {
    const res = await t.gql('mutation { createPropertyCompany(name: "某物业", uscc: "91350582MA2XY12340") { id } }', {}, admin);
    const err = toHttpError(asApollo(res)) as { status: number; body: { errors: Record<string, string> } };
    expect(err.status).toBe(400);
    expect(err.body.errors).toEqual({ uscc: 'app.validation.uscc' });
  });

  it('maps an end date before its start to the validTo field', async () => {
    const seat = (await t.gql('{ allMemberships(perPage: 1) { id } }', {}, admin)).data.allMemberships[0].id;
    const res = await t.gql('mutation($id: ID!) { updateMembership(id: $id, validTo: "2000-01-01") { id } }', { id: seat }, admin);
    const err = toHttpError(asApollo(res)) as { body: { errors: Record<string, string> } };
    expect(err.body.errors).toEqual({ validTo: 'app.validation.end_before_start' });
  });

  it('turns FORBIDDEN and UNAUTHENTICATED into statuses the auth provider understands', async () => {
    const anonymous = toHttpError(asApollo(await t.gql('{ allPeople { id } }'))) as { status: number; message: string };
    expect(anonymous).toMatchObject({ status: 401, message: 'app.auth.session_expired' });
    const { token } = await t.userWithRole((await import('../../api/src/common/roles')).Role.AUDITOR);
    const forbidden = toHttpError(asApollo(await t.gql('mutation { createPerson(name: "x") { id } }', {}, token))) as { status: number; message: string };
    expect(forbidden).toMatchObject({ status: 403, message: 'app.errors.forbidden' });
  });

  it('keeps the reason and figures of a refused approval, so the dialog can say them (OVER_BUDGET)', async () => {
    const { Role } = await import('../../api/src/common/roles');
    const { usccCheckChar } = await import('../../api/src/common/uscc');
    const { todayInChina } = await import('../../api/src/common/dates');
    const ok = async (q: string, v: Record<string, unknown> = {}, token = admin) => {
      const res = await t.gql(q, v, token);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data;
    };
    const today = todayInChina();
    const p = (await ok('{ allIncentiveProgrammes(filter: { trigger: DEMONSTRATION_SITE_ACCEPTED }) { id } }')).allIncentiveProgrammes[0].id;
    const community = (await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }')).allJurisdictions[0].id;
    const code = '91350582MA2AWD003';
    const company = (await ok(`mutation { createPropertyCompany(name: "预算测试物业", uscc: "${code}${usccCheckChar(code)}") { id } }`)).createPropertyCompany.id;
    const compound = (
      await ok('mutation($c: ID!, $p: ID!) { createCompound(name: "预算小区", communityId: $c, propertyCompanyId: $p, managementMode: PROFESSIONAL) { id } }', { c: community, p: company })
    ).createCompound.id;
    const id = (await ok('mutation($p: ID!, $c: ID!, $d: LocalDate!) { createAwardCase(programmeId: $p, compoundId: $c, appliedOn: $d) { id } }', { p, c: compound, d: today })).createAwardCase.id;
    for (const to of ['INSPECTED', 'SUPERIOR_ACCEPTED', 'STREET_ACCEPTED'])
      await ok('mutation($id: ID!, $to: AwardCaseStatus!, $d: LocalDate!) { advanceAwardCase(id: $id, to: $to, date: $d) { id } }', { id, to, d: today });
    const payout = (await ok('mutation($c: ID!) { generateAwardPayouts(caseId: $c) { id recipientRole } }', { c: id })).generateAwardPayouts[0].id;
    await ok('mutation($p: ID!, $y: Int!) { createIncentiveBudget(programmeId: $p, year: $y, amount: "1000") { id } }', { p, y: Number(today.slice(0, 4)) });
    await ok('mutation($id: ID!) { submitPayout(id: $id) { id } }', { id: payout });
    const checker = await t.userWithRole(Role.PARTY_OFFICE);
    const err = toHttpError(asApollo(await t.gql('mutation($id: ID!) { approvePayout(id: $id) { id } }', { id: payout }, checker.token))) as {
      status: number;
      message: string;
      body: { extensions: Record<string, unknown> };
    };
    expect(err).toMatchObject({ status: 409, message: 'app.incentives.errors.over_budget' });
    expect(err.body.extensions).toMatchObject({ reason: 'OVER_BUDGET', budgetFen: 100_000, committedFen: 0, availableFen: 100_000 });
  });
});
