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
});
