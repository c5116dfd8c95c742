import fs from 'node:fs';
import request from 'supertest';
import { Role } from '../../../src/common/roles';
import { dbKind } from '../../db';
import { codeOf, startTestApp, type TestApp } from '../../harness';
import { all, ratingFixture } from '../../rating-fixtures';

const FONT = fs.existsSync(process.env.NOTICE_FONT ?? '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc');

/*
 * 公示 (issue 15 item 4): a compound's committee board (001 二.5) and a published red/black-list edition
 * (002 二.3), printable as HTML and PDF, opened without signing in by an unguessable link the office
 * shares: only what is public (no contact without consent, nobody suspended), escaped, not cached or
 * indexed, dead once revoked; made only for records the user may read.
 */
describe(`public notices (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let compound: string;

  async function ok(query: string, variables: Record<string, unknown> = {}, token = admin) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const get = (path: string) => request(t.app.express).get(path);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const community = (await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }')).allJurisdictions[0].id;
    compound = (await ok('mutation($c: ID!) { createCompound(name: "公示花园", communityId: $c, managementMode: NONE) { id } }', { c: community })).createCompound.id;
    const committee = (await ok('mutation($c: ID!) { createOwnersCommittee(compoundId: $c, kind: ELECTED, formedOn: "2024-03-01", termEndsOn: "2029-02-28") { id } }', { c: compound }))
      .createOwnersCommittee.id;
    const member = (v: Record<string, unknown>) =>
      ok(
        'mutation($o: ID!, $n: String!, $r: CommitteeRole!, $p: PoliticalStatus!, $ph: String, $cp: Boolean, $s: LocalDate, $why: String, $pl: String) { createCommitteeMember(committeeId: $o, name: $n, role: $r, politicalStatus: $p, phone: $ph, contactPublic: $cp, suspendedOn: $s, suspensionReason: $why, pledge: $pl, building: "2号楼") { id } }',
        { o: committee, ...v },
      );
    await member({ n: '王公开', r: 'DIRECTOR', p: 'CPC_MEMBER', ph: '13800000001', cp: true, pl: '为业主办实事' });
    await member({ n: '李保密', r: 'MEMBER', p: 'MASSES', ph: '13800000002', cp: false });
    await member({ n: '赵暂停', r: 'MEMBER', p: 'MASSES', s: '2025-01-10', why: '违规收费' });
    await member({ n: '<script>alert(1)</script>', r: 'DEPUTY_DIRECTOR', p: 'MASSES' });
  });
  afterAll(() => t.close());

  it('opens the committee board without signing in, showing only what is public, escaped, uncached', async () => {
    const { createNoticeLink } = await ok('mutation($c: ID!) { createNoticeLink(kind: COMMITTEE_BOARD, targetId: $c) { path link { id kind jurisdictionId } } }', { c: compound });
    expect(createNoticeLink.path).toMatch(/^\/notice\/[A-Za-z0-9_-]{32}$/);
    const page = await get(createNoticeLink.path);
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['x-robots-tag']).toContain('noindex');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.text).toContain('公示花园业主委员会成员公示');
    expect(page.text).toContain('王公开');
    expect(page.text).toContain('13800000001');
    expect(page.text).toContain('李保密');
    expect(page.text).not.toContain('13800000002');
    expect(page.text).not.toContain('赵暂停');
    expect(page.text).not.toContain('<script>alert(1)</script>');
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // the director first
    expect(page.text.indexOf('王公开')).toBeLessThan(page.text.indexOf('李保密'));

    const pdf = await get(`${createNoticeLink.path}.pdf`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    if (FONT) {
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const body = pdf.body as Buffer;
      expect(body.subarray(0, 5).toString()).toBe('%PDF-');
      // the CJK font is embedded (subset) with its ToUnicode map, so the text is text, not pictures
      expect(body.toString('latin1')).toContain('NotoSansCJK');
      expect(body.toString('latin1')).toContain('/ToUnicode');
      expect(body.length).toBeLessThan(400_000);
    } else {
      expect(pdf.status).toBe(503);
    }
  });

  it('answers an unknown, malformed or revoked link with the same 404', async () => {
    const { createNoticeLink } = await ok('mutation($c: ID!) { createNoticeLink(kind: COMMITTEE_BOARD, targetId: $c) { path link { id } } }', { c: compound });
    expect((await get(createNoticeLink.path)).status).toBe(200);
    await ok('mutation($id: ID!) { revokeNoticeLink(id: $id) { revokedOn } }', { id: createNoticeLink.link.id });
    const revoked = await get(createNoticeLink.path);
    const unknown = await get('/notice/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const malformed = await get('/notice/..%2F..%2Fetc');
    expect([revoked.status, unknown.status, malformed.status]).toEqual([404, 404, 404]);
    expect(revoked.text).toBe(unknown.text);
    expect((await get(`${createNoticeLink.path}.pdf`)).status).toBe(404);
    // the list of links never carries a token or its hash
    const fields = (await ok('{ __type(name: "NoticeLink") { fields { name } } }')).__type.fields.map((f: { name: string }) => f.name);
    expect(fields.filter((f: string) => /token|hash/i.test(f))).toEqual([]);
  });

  it('makes links only for what the user may read: another street’s compound is not there', async () => {
    const baogai = (await ok('{ allJurisdictions(filter: { q: "宝盖镇" }) { id } }')).allJurisdictions[0].id;
    const office = await t.createUser({ username: 'bg_notice', role: Role.PARTY_OFFICE, jurisdictionId: baogai });
    const res = await t.gql('mutation($c: ID!) { createNoticeLink(kind: COMMITTEE_BOARD, targetId: $c) { path } }', { c: compound }, office.token);
    expect(codeOf(res)).toBe('NOT_FOUND');
    const auditor = await t.userWithRole(Role.AUDITOR);
    expect(codeOf(await t.gql('mutation($c: ID!) { createNoticeLink(kind: COMMITTEE_BOARD, targetId: $c) { path } }', { c: compound }, auditor.token))).toBe('FORBIDDEN');
  });

  it('publishes a red/black-list edition: names, stars and lists, the period and the publisher', async () => {
    const f = await ratingFixture(t, admin, 'NTCE1');
    const period = await f.period('2025Q2', '2025-04-01', '2025-06-30');
    const good = await f.company('公示优秀物业');
    const bad = await f.company('公示较差物业');
    await f.rate(period, good.id, all(95));
    await f.rate(period, bad.id, all(40), { dissatisfaction: 60 });
    const edition = (await ok('mutation($p: ID!) { publishRatingPeriod(periodId: $p, publishedOn: "2025-07-05") { id } }', { p: period })).publishRatingPeriod.id;
    const { createNoticeLink } = await ok('mutation($e: ID!) { createNoticeLink(kind: PUBLICATION_EDITION, targetId: $e) { path } }', { e: edition });
    const page = await get(createNoticeLink.path);
    expect(page.status).toBe(200);
    expect(page.text).toContain('2025Q2');
    expect(page.text).toContain('公示优秀物业');
    expect(page.text).toContain('红榜');
    expect(page.text).toContain('黑榜');
    expect(page.text).toContain('2025-07-05');
    // nothing internal: no credit code, no scores' reasons
    expect(page.text).not.toContain(good.uscc);
  });
});
