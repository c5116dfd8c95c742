import { GraphQLError } from 'graphql';
import { formatError as format, type FormatOptions } from '../src/common/format-error';
import { badInput } from '../src/common/errors';
import { collectReasons, type Reason } from '../src/common/reasons';
import { usccCheckChar } from '../src/common/uscc';
// building the schemas registers the declared reasons, as at start-up
import { buildAdminSchema } from '../src/schema';
import { dbKind } from './db';
import { codeOf, fieldOf, startTestApp, type TestApp } from './harness';
import { all, ratingFixture, type RatingFixture } from './rating-fixtures';

const formatError = (formatted: Parameters<typeof format>[0], error: unknown, production: boolean, report: FormatOptions['report'] = () => undefined) =>
  format(formatted, error, { production, hideSuggestions: production, report } satisfies FormatOptions);

describe('error formatting', () => {
  beforeAll(() => buildAdminSchema());

  it('masks unexpected errors in production, and only there', () => {
    const internal = new GraphQLError('SQLITE_BUSY: database is locked at /srv/data', { originalError: new Error('boom') });
    const formatted = { message: internal.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(formatError(formatted, internal, true)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(formatError(formatted, internal, false).message).toMatch(/SQLITE_BUSY/);
  });

  it('keeps coded errors as they are, in production too', () => {
    const err = badInput('uscc', 'uscc is not valid', 'INVALID_USCC');
    const formatted = { message: err.message, extensions: { ...err.extensions } };
    expect(formatError(formatted, err, true)).toEqual({ message: 'uscc is not valid', extensions: { code: 'BAD_USER_INPUT', field: 'uscc', reason: 'INVALID_USCC' } });
  });

  it('makes an undeclared reason loud outside production (reported, and an internal error naming it), and lets it pass in production', () => {
    const err = badInput('name', 'name is wrong', 'NO_SUCH_REASON' as Reason);
    const formatted = { message: err.message, extensions: { ...err.extensions } };
    const reported: unknown[] = [];
    const dev = formatError(formatted, err, false, (e) => reported.push(e));
    expect(dev).toMatchObject({ message: expect.stringMatching(/Undeclared error reason NO_SUCH_REASON/), extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(String(reported[0])).toMatch(/NO_SUCH_REASON/);
    expect(formatError(formatted, err, true).extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'NO_SUCH_REASON' });
  });

  it('refuses, at start-up, a reason declared twice (by the core and a module, or by two modules)', () => {
    expect(() => collectReasons([{ name: 'complaint', reasons: { REQUIRED: 'Again' } }])).toThrow(/REQUIRED is declared twice \(common and complaint\)/);
    expect(() =>
      collectReasons([
        { name: 'a', reasons: { ONE_OF_A_KIND: 'x' } },
        { name: 'b', reasons: { ONE_OF_A_KIND: 'y' } },
      ]),
    ).toThrow(/declared twice \(a and b\)/);
    expect(() => collectReasons([{ name: 'a', reasons: { notCapitals: 'x' } }])).toThrow(/capitals/);
  });
});

describe(`refusals carry a declared reason, and validation errors their constraints (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let r: RatingFixture;
  let periodId: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    r = await ratingFixture(t, admin, 'ERRAB');
    periodId = await r.period('2024Q4', '2024-10-01', '2024-12-31');
  });
  afterAll(() => t.close());

  const reasonOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0].extensions?.reason;
  const fieldsOf = (res: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => res.errors?.[0].extensions?.fields;

  it('says DUPLICATE, naming the field, when a unique value is taken', async () => {
    const { uscc } = await r.company();
    const res = await t.gql('mutation($u: String!) { createPropertyCompany(name: "重复物业", uscc: $u) { id } }', { u: uscc }, admin);
    expect([codeOf(res), fieldOf(res), reasonOf(res)]).toEqual(['CONFLICT', 'uscc', 'DUPLICATE']);
  });

  it('lists each field of a validation error with its failed constraints and their reason; the error carries the first field’s', async () => {
    const code = '91350582MA2ERR001';
    const res = await t.gql('mutation($u: String!) { createPropertyCompany(name: "  ", uscc: $u) { id } }', { u: `${code}${usccCheckChar(code) === 'A' ? 'B' : 'A'}` }, admin);
    expect([codeOf(res), fieldOf(res), reasonOf(res)]).toEqual(['BAD_USER_INPUT', 'name', 'REQUIRED']);
    expect(fieldsOf(res)).toEqual([
      { field: 'name', messages: ['name cannot be empty'], constraints: ['isNotBlank'], reason: 'REQUIRED' },
      { field: 'uscc', messages: [expect.stringMatching(/unified social credit code/)], constraints: ['isUscc'], reason: 'INVALID_USCC' },
    ]);
  });

  it('reads a bound from the constraint: OVER_100 above 100, NEGATIVE below 0, OUT_OF_RANGE otherwise', async () => {
    const c = await r.company();
    const over = await t.gql('mutation($p: ID!, $c: ID!) { createRating(periodId: $p, propertyCompanyId: $c, dissatisfactionRate: 100.5) { id } }', { p: periodId, c: c.id }, admin);
    expect([fieldOf(over), reasonOf(over), fieldsOf(over)]).toEqual([
      'dissatisfactionRate',
      'OVER_100',
      [{ field: 'dissatisfactionRate', messages: ['dissatisfactionRate must not be greater than 100'], constraints: ['max'], reason: 'OVER_100' }],
    ]);
    const negative = await t.gql(
      'mutation($p: ID!, $c: ID!, $k: ID!) { createRating(periodId: $p, propertyCompanyId: $c, scores: [{ criterionId: $k, score: -1 }]) { id } }',
      { p: periodId, c: c.id, k: r.criteria.SATISFACTION },
      admin,
    );
    expect([fieldOf(negative), reasonOf(negative)]).toEqual(['scores.0.score', 'NEGATIVE']);
    const stars = await t.gql('mutation($id: ID!) { updateRatingScheme(id: $id, redMinStars: 6) { id } }', { id: r.schemeId }, admin);
    expect([fieldOf(stars), reasonOf(stars), (fieldsOf(stars) as Array<{ constraints: string[] }>)[0].constraints]).toEqual(['redMinStars', 'OUT_OF_RANGE', ['max']]);
  });

  it('gives a score above its criterion’s maximum (100) ABOVE_MAX, and one with three decimals TOO_MANY_DECIMALS', async () => {
    const c = await r.company();
    const rate = (scores: Record<string, number>) =>
      t.gql(
        'mutation($p: ID!, $c: ID!, $s: [ScoreInput!]) { createRating(periodId: $p, propertyCompanyId: $c, scores: $s) { id } }',
        {
          p: periodId,
          c: c.id,
          s: Object.entries(scores).map(([code, score]) => ({ criterionId: r.criteria[code], score })),
        },
        admin,
      );
    const above = await rate({ ...all(80), SANITATION: 100.5 });
    expect([codeOf(above), fieldOf(above), reasonOf(above)]).toEqual(['BAD_USER_INPUT', 'scores.4.score', 'ABOVE_MAX']);
    const decimals = await rate({ SATISFACTION: 80.125 });
    expect([fieldOf(decimals), reasonOf(decimals)]).toEqual(['scores.0.score', 'TOO_MANY_DECIMALS']);
  });

  it('tells a too short new password (TOO_SHORT) from a wrong current one (WRONG_PASSWORD) and an unchanged one (SAME_PASSWORD)', async () => {
    const { token } = await t.userWithRole((await import('../src/common/roles')).Role.PARTY_OFFICE);
    const change = (c: string, n: string) => t.gql('mutation($c: String!, $n: String!) { changePassword(current: $c, next: $n) { token } }', { c, n }, token);
    const short = await change('password-123', 'short');
    expect([fieldOf(short), reasonOf(short), (fieldsOf(short) as Array<{ constraints: string[] }>)[0].constraints]).toEqual(['next', 'TOO_SHORT', ['isLength']]);
    const wrong = await change('not-the-password', 'another-password-1');
    expect([fieldOf(wrong), reasonOf(wrong)]).toEqual(['current', 'WRONG_PASSWORD']);
    const same = await change('password-123', 'password-123');
    expect([fieldOf(same), reasonOf(same)]).toEqual(['next', 'SAME_PASSWORD']);
  });

  it('gives list arguments, ids and a record pointing at itself their reasons: BAD_SORT, NOT_AN_ID, SELF_REFERENCE', async () => {
    const sort = await t.gql('{ allUnits(sortField: "nope") { id } }', {}, admin);
    expect([codeOf(sort), fieldOf(sort), reasonOf(sort)]).toEqual(['BAD_USER_INPUT', 'sortField', 'BAD_SORT']);
    const order = await t.gql('{ allUnits(sortField: "name", sortOrder: "SIDEWAYS") { id } }', {}, admin);
    expect([fieldOf(order), reasonOf(order)]).toEqual(['sortOrder', 'BAD_SORT']);
    const id = await t.gql('{ Unit(id: "abc") { id } }', {}, admin);
    expect([codeOf(id), fieldOf(id), reasonOf(id)]).toEqual(['BAD_USER_INPUT', 'id', 'NOT_AN_ID']);
    const all = await t.gql('{ allJurisdictions(perPage: 50) { id parentId } }', {}, admin);
    const child = (all.data as { allJurisdictions: Array<{ id: string; parentId: string | null }> }).allJurisdictions.find((j) => j.parentId);
    const self = await t.gql('mutation($id: ID!) { updateJurisdiction(id: $id, parentId: $id) { id } }', { id: child!.id }, admin);
    expect([codeOf(self), fieldOf(self), reasonOf(self)]).toEqual(['BAD_USER_INPUT', 'parentId', 'SELF_REFERENCE']);
  });
});
