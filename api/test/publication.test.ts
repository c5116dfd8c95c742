import { Role } from '../src/common/roles';
import { dbKind } from './db';
import { codeOf, fieldOf, startTestApp, type TestApp } from './harness';
import { all, ratingFixture, type RatingFixture } from './rating-fixtures';

const reasonOf = (r: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => r.errors?.[0]?.extensions?.reason;

describe(`publishing ratings: frozen editions, corrections, rectification (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let f: RatingFixture;
  let periodId: string;
  let key: string;
  const co: Record<string, { id: string; uscc: string; rating?: string }> = {};

  const LIST = `query($p: String!, $r: Int, $s: [ListStatus!]) { redBlackList(period: $p, revision: $r, status: $s) {
    totalCount edition { revision publishedOn correctionReason latest redCount blackCount }
    edges { node { rank stars total listStatus reasons company { uscc name } } } } }`;
  const STANDING = `query($u: String!, $d: LocalDate) { companyStanding(uscc: $u, asOf: $d) {
    barredFromBidding listStatus listedIn { revision }
    bars { reason since interviewRequired interviewHeldOn rectificationStatus edition { revision publishedOn } listReasons }
    starsHistory { stars total listStatus period { code } edition { revision } } } }`;
  const partner = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.partner(query, variables, key);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };
  const publish = (variables: Record<string, unknown>) =>
    t.gql(
      'mutation($p: ID!, $r: String, $d: LocalDate) { publishRatingPeriod(periodId: $p, reason: $r, publishedOn: $d) { id revision publishedOn entryCount redCount blackCount reason } }',
      { p: periodId, ...variables },
      admin,
    );

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    f = await ratingFixture(t, admin, 'PUB01');
    periodId = await f.period('2025Q2', '2025-04-01', '2025-06-30');
    for (const name of ['红榜物业', '黑榜物业', '中游物业', '未评完物业']) co[name] = await f.company(name);
    // 95×0.4 + 90×0.2 + (88+92+85+96)×0.1 = 92.10 → 5★ → red
    co.红榜物业.rating = await f.rate(periodId, co.红榜物业.id, { SATISFACTION: 95, PARTY_EVALUATION: 90, COMPLIANCE: 88, CIVILISED_CITY: 92, SANITATION: 85, HOTLINE_12345: 96 });
    // 55.5×0.4 + 60×0.2 + (50+40+45+52.25)×0.1 = 52.925 → 52.93 → 1★ → black
    co.黑榜物业.rating = await f.rate(periodId, co.黑榜物业.id, { SATISFACTION: 55.5, PARTY_EVALUATION: 60, COMPLIANCE: 50, CIVILISED_CITY: 40, SANITATION: 45, HOTLINE_12345: 52.25 });
    co.中游物业.rating = await f.rate(periodId, co.中游物业.id, all(75));
    co.未评完物业.rating = await f.rate(periodId, co.未评完物业.id, { SATISFACTION: 80 });
    key = (await f.ok('mutation { issuePartnerKey(name: "招投标平台（测试）") { secret } }')).issuePartnerKey.secret;
  });
  afterAll(() => t.close());

  it('previews the ranking and refuses to publish while a rating is incomplete', async () => {
    const { ratingPublicationPreview: p } = await f.ok(
      'query($p: ID!) { ratingPublicationPreview(periodId: $p) { ready latest { id } incomplete { subjectName missing } entries { subjectName rank total stars listStatus changed } } }',
      { p: periodId },
    );
    expect(p.ready).toBe(false);
    expect(p.incomplete).toEqual([{ subjectName: '未评完物业', missing: ['街道（乡镇）、社区（小区）党组织评价', '物业服务企业遵守制度', '文明城市创建', '环境卫生整治', '12345 便民服务热线'] }]);
    expect(p.entries.map((e: { subjectName: string; rank: number; stars: number; listStatus: string }) => [e.subjectName, e.rank, e.stars, e.listStatus])).toEqual([
      ['红榜物业', 1, 5, 'RED'],
      ['中游物业', 2, 3, 'NONE'],
      ['黑榜物业', 3, 1, 'BLACK'],
    ]);
    const refused = await publish({ d: '2025-07-05' });
    expect([codeOf(refused), reasonOf(refused)]).toEqual(['CONFLICT', 'INCOMPLETE']);
    expect(refused.errors?.[0].message).toContain('未评完物业');
    expect((await f.ok('query($p: ID!) { _allRatingPublicationsMeta(filter: { periodId: $p }) { count } }', { p: periodId }))._allRatingPublicationsMeta.count).toBe(0);
  });

  it('answers partners NOT_FOUND for a period that has not been published', async () => {
    const res = await t.partner(LIST, { p: '2025Q2' }, key);
    expect([codeOf(res), reasonOf(res)]).toEqual(['NOT_FOUND', 'NOT_PUBLISHED']);
    expect(res.data).toBeNull();
  });

  it('publishes revision 1: frozen entries with ranks, and a rectification for the black-listed company', async () => {
    await f.rescore(co.未评完物业.rating!, all(85)); // 85 → 4★, ties with nobody
    const first = await publish({ d: '2025-07-05' });
    expect(first.errors).toBeUndefined();
    expect(first.data.publishRatingPeriod).toMatchObject({ revision: 1, publishedOn: '2025-07-05', entryCount: 4, redCount: 1, blackCount: 1, reason: null });

    const { redBlackList } = await partner(LIST, { p: '2025Q2' });
    expect(redBlackList.edition).toEqual({ revision: 1, publishedOn: '2025-07-05', correctionReason: null, latest: true, redCount: 1, blackCount: 1 });
    expect(redBlackList.totalCount).toBe(2);
    expect(redBlackList.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { rank: 1, stars: 5, total: 92.1, listStatus: 'RED', reasons: ['5星（总分92.10）'], company: { uscc: co.红榜物业.uscc, name: '红榜物业' } },
      { rank: 4, stars: 1, total: 52.93, listStatus: 'BLACK', reasons: ['1星（总分52.93）'], company: { uscc: co.黑榜物业.uscc, name: '黑榜物业' } },
    ]);

    const { allRectifications } = await f.ok('{ allRectifications { status requiredOn propertyCompany { name } publication { revision } steps { fromStatus toStatus stepDate reason } } }');
    expect(allRectifications).toEqual([
      {
        status: 'REQUIRED',
        requiredOn: '2025-07-05',
        propertyCompany: { name: '黑榜物业' },
        publication: { revision: 1 },
        steps: [{ fromStatus: null, toStatus: 'REQUIRED', stepDate: '2025-07-05', reason: '列入2025Q2黑榜（第1版，2025-07-05公布）' }],
      },
    ]);

    const { companyStanding } = await partner(STANDING, { u: co.黑榜物业.uscc, d: '2025-07-06' });
    expect(companyStanding).toMatchObject({ barredFromBidding: true, listStatus: 'BLACK', listedIn: { revision: 1 } });
    expect(companyStanding.bars).toEqual([
      {
        reason: '列入2025Q2黑榜（第1版，2025-07-05公布），尚未约谈，整改尚未验收',
        since: '2025-07-05',
        interviewRequired: true,
        interviewHeldOn: null,
        rectificationStatus: 'REQUIRED',
        edition: { revision: 1, publishedOn: '2025-07-05' },
        listReasons: ['1星（总分52.93）'],
      },
    ]);
    // the day before publication nothing was published yet
    const before = await partner(STANDING, { u: co.黑榜物业.uscc, d: '2025-07-04' });
    expect(before.companyStanding).toMatchObject({ barredFromBidding: false, listStatus: null, starsHistory: [] });
  });

  it('keeps what partners see frozen until a correction is published; both revisions stay readable', async () => {
    // the office finds 中游物业's owners were 60% dissatisfied, and 红榜物业's hotline score was mistyped
    await f.rescore(co.中游物业.rating!, {}, { dissatisfaction: 60 });
    await f.rescore(co.红榜物业.rating!, { HOTLINE_12345: 60 }); // 92.10 − 3.6 = 88.50 → 4★: off the red list
    const unchanged = await partner(LIST, { p: '2025Q2' });
    expect(unchanged.redBlackList.edition.revision).toBe(1);
    expect(unchanged.redBlackList.edges.map((e: { node: { company: { name: string } } }) => e.node.company.name)).toEqual(['红榜物业', '黑榜物业']);

    const noReason = await publish({ d: '2025-07-15' });
    expect([codeOf(noReason), fieldOf(noReason)]).toEqual(['BAD_USER_INPUT', 'reason']);
    const second = await publish({ d: '2025-07-15', r: '中游物业业主不满意率复核为60%；红榜物业热线得分录入有误' });
    expect(second.data.publishRatingPeriod).toMatchObject({ revision: 2, redCount: 0, blackCount: 2 });

    const now = await partner(LIST, { p: '2025Q2' });
    expect(now.redBlackList.edition).toMatchObject({ revision: 2, latest: true, correctionReason: '中游物业业主不满意率复核为60%；红榜物业热线得分录入有误' });
    expect(now.redBlackList.edges.map((e: { node: { company: { name: string }; listStatus: string; reasons: string[] } }) => [e.node.company.name, e.node.listStatus, e.node.reasons])).toEqual([
      ['中游物业', 'BLACK', ['业主不满意率60.00%，超过50.00%']],
      ['黑榜物业', 'BLACK', ['1星（总分52.93）']],
    ]);
    const old = await partner(LIST, { p: '2025Q2', r: 1 });
    expect(old.redBlackList.edition).toMatchObject({ revision: 1, latest: false });
    expect(old.redBlackList.edges.map((e: { node: { company: { name: string } } }) => e.node.company.name)).toEqual(['红榜物业', '黑榜物业']);
    const whole = await partner(LIST, { p: '2025Q2', r: 2, s: ['RED', 'BLACK', 'NONE'] });
    expect(whole.redBlackList.edges.map((e: { node: { rank: number; total: number } }) => [e.node.rank, e.node.total])).toEqual([
      [1, 88.5],
      [2, 85],
      [3, 75],
      [4, 52.93],
    ]);

    // a standing as of a day between the revisions reads revision 1
    const between = await partner(STANDING, { u: co.中游物业.uscc, d: '2025-07-10' });
    expect(between.companyStanding).toMatchObject({ barredFromBidding: false, listStatus: 'NONE', listedIn: { revision: 1 } });
    const after = await partner(STANDING, { u: co.中游物业.uscc, d: '2025-07-15' });
    expect(after.companyStanding).toMatchObject({ barredFromBidding: true, listStatus: 'BLACK', listedIn: { revision: 2 } });

    const stale = await t.gql('mutation($p: ID!) { publishRatingPeriod(periodId: $p, reason: "按旧预览更正", expectedRevision: 1) { id } }', { p: periodId }, admin);
    expect([codeOf(stale), reasonOf(stale)]).toEqual(['CONFLICT', 'STALE']);
    const renamed = await t.gql('mutation($p: ID!) { updateRatingPeriod(id: $p, code: "2025Q9") { id } }', { p: periodId }, admin);
    expect([codeOf(renamed), fieldOf(renamed), reasonOf(renamed)]).toEqual(['CONFLICT', 'code', 'FROZEN']);
    const again = await publish({ d: '2025-07-16', r: '再次公布' });
    expect([codeOf(again), reasonOf(again)]).toEqual(['CONFLICT', 'UNCHANGED']);
    const earlier = await publish({ d: '2025-07-14', r: '日期早于第2版' });
    expect([codeOf(earlier), fieldOf(earlier)]).toEqual(['BAD_USER_INPUT', 'publishedOn']);
  });

  it('lifts the bar on bidding only when the rectification is accepted, step by dated step', async () => {
    const { allRectifications } = await f.ok('query($c: ID!) { allRectifications(filter: { propertyCompanyId: $c }) { id } }', { c: co.黑榜物业.id });
    const id = allRectifications[0].id;
    const step = (to: string, date: string, reason?: string) =>
      t.gql(
        'mutation($id: ID!, $to: RectificationStatus!, $d: LocalDate!, $r: String) { advanceRectification(id: $id, to: $to, date: $d, reason: $r) { status interviewedOn submittedOn acceptedOn } }',
        { id, to, d: date, r: reason ?? null },
        admin,
      );
    const skip = await step('ACCEPTED', '2025-07-20');
    expect([codeOf(skip), reasonOf(skip)]).toEqual(['CONFLICT', 'INVALID_TRANSITION']);
    const tooEarly = await step('INTERVIEWED', '2025-07-01');
    expect([codeOf(tooEarly), fieldOf(tooEarly)]).toEqual(['BAD_USER_INPUT', 'date']);
    expect((await step('INTERVIEWED', '2025-07-10')).data.advanceRectification).toMatchObject({ status: 'INTERVIEWED', interviewedOn: '2025-07-10' });
    expect((await step('SUBMITTED', '2025-07-20')).data.advanceRectification).toMatchObject({ status: 'SUBMITTED', submittedOn: '2025-07-20' });
    const returnedWithoutReason = await step('INTERVIEWED', '2025-07-22');
    expect([codeOf(returnedWithoutReason), fieldOf(returnedWithoutReason)]).toEqual(['BAD_USER_INPUT', 'reason']);
    expect((await step('INTERVIEWED', '2025-07-22', '整改报告缺少业主回访记录')).data.advanceRectification).toMatchObject({ status: 'INTERVIEWED', submittedOn: null });
    await step('SUBMITTED', '2025-07-28');
    expect((await step('ACCEPTED', '2025-08-01')).data.advanceRectification).toMatchObject({ status: 'ACCEPTED', acceptedOn: '2025-08-01' });

    const submitted = await partner(STANDING, { u: co.黑榜物业.uscc, d: '2025-07-21' });
    expect(submitted.companyStanding.bars).toMatchObject([
      { rectificationStatus: 'SUBMITTED', interviewRequired: false, interviewHeldOn: '2025-07-10', reason: expect.stringContaining('整改已提交') },
    ]);
    const returned = await partner(STANDING, { u: co.黑榜物业.uscc, d: '2025-07-25' });
    // a correction that keeps the company listed does not restart the bar: still since revision 1's day
    expect(returned.companyStanding.bars).toMatchObject([
      { rectificationStatus: 'INTERVIEWED', since: '2025-07-05', interviewHeldOn: '2025-07-10', reason: '列入2025Q2黑榜（第2版，2025-07-15公布），已约谈，整改尚未验收' },
    ]);
    expect((await partner(STANDING, { u: co.黑榜物业.uscc, d: '2025-07-31' })).companyStanding.barredFromBidding).toBe(true);
    const accepted = await partner(STANDING, { u: co.黑榜物业.uscc, d: '2025-08-01' });
    expect(accepted.companyStanding).toMatchObject({ barredFromBidding: false, bars: [], listStatus: 'BLACK' });
  });

  it('cancels a rectification when a correction takes the company off the black list', async () => {
    await f.rescore(co.中游物业.rating!, {}, { dissatisfaction: 40 });
    const third = await publish({ d: '2025-07-25', r: '中游物业不满意率更正为40%' });
    expect(third.data.publishRatingPeriod).toMatchObject({ revision: 3, blackCount: 1 });
    const { allRectifications } = await f.ok('query($c: ID!) { allRectifications(filter: { propertyCompanyId: $c }) { status cancelledOn steps { toStatus stepDate reason } } }', {
      c: co.中游物业.id,
    });
    expect(allRectifications[0]).toMatchObject({ status: 'CANCELLED', cancelledOn: '2025-07-25' });
    expect(allRectifications[0].steps.map((s: { toStatus: string }) => s.toStatus)).toEqual(['REQUIRED', 'CANCELLED']);
    expect((await partner(STANDING, { u: co.中游物业.uscc, d: '2025-07-20' })).companyStanding.barredFromBidding).toBe(true);
    expect((await partner(STANDING, { u: co.中游物业.uscc, d: '2025-07-25' })).companyStanding.barredFromBidding).toBe(false);
    const { allRatingPublications } = await f.ok('query($p: ID!) { allRatingPublications(filter: { periodId: $p }) { revision entries { subjectName } } }', { p: periodId });
    expect(allRatingPublications.map((p: { revision: number }) => p.revision)).toEqual([3, 2, 1]);
  });

  it('keeps a published rating from being deleted, and lets only editors publish', async () => {
    const del = await t.gql('mutation($id: ID!) { deleteRating(id: $id) { id } }', { id: co.红榜物业.rating }, admin);
    expect(codeOf(del)).toBe('CONFLICT');
    const auditor = await t.userWithRole(Role.AUDITOR);
    const res = await t.gql('mutation($p: ID!) { publishRatingPeriod(periodId: $p, reason: "x") { id } }', { p: periodId }, auditor.token);
    expect(codeOf(res)).toBe('FORBIDDEN');
  });
});
