import { todayInChina } from '../../../src/common/dates';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import request from 'supertest';
import { Role } from '../../../src/common/roles';
import { dbKind } from '../../db';
import { codeOf, startTestApp, type TestApp } from '../../harness';
import { compoundFile, docx, EXE, HTML, pdf, png, zipOf } from './files';

const MAX = 64 * 1024;

const binary = (res: request.Response, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/*
 * 附件 (issue 16 item 7): photos and scans attached to disclosures, progress reports, complaints and
 * their steps. Judged by their bytes, at most the configured size, stored once by content, read by
 * whoever reads the record (404 for anyone else), added and removed by whoever may change it, audited.
 */
describe(`attachments (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  const J = new Map<string, string>();
  const users: Record<string, string> = {};
  const ids: Record<string, string> = {};
  /** The request log's lines. */
  const logged: Array<Record<string, unknown>> = [];
  const log = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logged.push(JSON.parse(line));
      done();
    },
  });

  async function ok(query: string, variables: Record<string, unknown> = {}, token = admin) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }
  const upload = (token: string | null, targetType: string, targetId: string, name: string, body: Buffer) => {
    const req = request(t.app.express)
      .post(`/files?targetType=${targetType}&targetId=${targetId}&name=${encodeURIComponent(name)}`)
      .set('content-type', 'application/octet-stream');
    if (token) req.set('authorization', `Bearer ${token}`);
    return req.send(body);
  };
  const download = (token: string | null, id: string, query = '') => {
    const req = request(t.app.express).get(`/files/${id}${query}`).buffer(true).parse(binary);
    if (token) req.set('authorization', `Bearer ${token}`);
    return req;
  };
  /** The blobs in the store (staging left aside) and what is still staged. */
  const stored = () => {
    const dir = t.config.attachmentDir!;
    const blobs = fs.existsSync(dir)
      ? fs
          .readdirSync(dir)
          .filter((d) => /^[0-9a-f]{2}$/.test(d))
          .flatMap((d) => fs.readdirSync(path.join(dir, d)))
      : [];
    const staging = path.join(dir, '.staging');
    return { blobs, staged: fs.existsSync(staging) ? fs.readdirSync(staging) : [] };
  };
  const disclosure = async (compound: string, quarter: number) =>
    (await ok(`mutation { createRevenueDisclosure(compoundId: "${compound}", year: 2025, quarter: ${quarter}, disclosedOn: "2026-01-20", evidence: "公示栏") { id } }`)).createRevenueDisclosure.id;

  beforeAll(async () => {
    t = await startTestApp({ config: { attachmentMaxBytes: MAX }, requestLog: pino({ level: 'info', base: undefined }, log) });
    admin = await t.adminToken();
    for (const j of (await ok('{ allJurisdictions(perPage: 1000) { id name } }')).allJurisdictions) J.set(j.name, j.id);
    const unitOf = async (name: string, jurisdiction: string) =>
      (await ok('query($q: String!, $j: ID!) { allUnits(filter: { q: $q, jurisdictionId: $j }) { id } }', { q: name, j: J.get(jurisdiction) })).allUnits[0].id;
    const compound = async (community: string, name: string) =>
      (await ok('mutation($c: ID!, $n: String!) { createCompound(name: $n, communityId: $c, managementMode: NONE) { id } }', { c: J.get(community), n: name })).createCompound.id;
    ids.compound = await compound('阳光社区', '附件花园');
    ids.d1 = await disclosure(ids.compound, 1);
    ids.d2 = await disclosure(ids.compound, 2);
    ids.d3 = await disclosure(ids.compound, 3);
    ids.elsewhere = await disclosure(await compound('龙穴社区', '宝盖附件小区'), 1);
    const user = async (key: string, role: Role, where: { jurisdiction?: string; unit?: [string, string] }) => {
      users[key] = (
        await t.createUser({ username: key, role, jurisdictionId: where.jurisdiction ? J.get(where.jurisdiction) : undefined, unitId: where.unit ? await unitOf(...where.unit) : undefined })
      ).token;
    };
    await user('office', Role.PARTY_OFFICE, { jurisdiction: '青阳街道' });
    await user('baogai', Role.PARTY_OFFICE, { jurisdiction: '宝盖镇' });
    await user('auditor', Role.AUDITOR, { jurisdiction: '青阳街道' });
    await user('community', Role.UNIT_STAFF, { unit: ['阳光社区', '阳光社区'] });
    await user('community2', Role.UNIT_STAFF, { unit: ['阳光社区', '阳光社区'] });
    await user('sibling', Role.UNIT_STAFF, { unit: ['莲屿社区', '莲屿社区'] });
    await user('street', Role.UNIT_STAFF, { unit: ['社区发展办', '青阳街道'] });
  }, 120_000);
  afterAll(() => t.close());

  it('takes a photo and a scan, judged by their bytes, and gives them back as uploaded, Chinese names included', async () => {
    const photo = png(16, 12);
    const up = await upload(users.community, 'RevenueDisclosure', ids.d1, '小区公示栏照片.png', photo);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ targetType: 'RevenueDisclosure', targetId: ids.d1, fileName: '小区公示栏照片.png', mimeType: 'image/png', size: photo.length, uploadedByName: 'community' });
    ids.photo = up.body.id;

    const got = await download(users.office, ids.photo);
    expect(got.status).toBe(200);
    expect(Buffer.compare(got.body as Buffer, photo)).toBe(0);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-length']).toBe(String(photo.length));
    expect(got.headers['content-disposition']).toBe(`inline; filename="_______.png"; filename*=UTF-8''${encodeURIComponent('小区公示栏照片.png')}`);
    expect(got.headers['cache-control']).toContain('private');
    // the browser asks again with the ETag: not sent twice
    const again = await download(users.office, ids.photo).set('if-none-match', got.headers.etag);
    expect(again.status).toBe(304);

    const scan = pdf('第一季度收支');
    const upPdf = await upload(users.office, 'RevenueDisclosure', ids.d1, '收支明细 (扫描件).PDF', scan);
    expect(upPdf.status).toBe(201);
    expect(upPdf.body.mimeType).toBe('application/pdf');
    ids.scan = upPdf.body.id;
    const saved = await download(users.community, ids.scan, '?download=1');
    expect(saved.headers['content-disposition']).toMatch(/^attachment; filename="_+ \(___\)\.PDF"; filename\*=UTF-8''%E6%94%B6/);
    expect(saved.headers['content-disposition']).toContain('%20%28%E6%89%AB%E6%8F%8F%E4%BB%B6%29.PDF');

    const { RevenueDisclosure: d } = await ok(
      'query($id: ID!) { RevenueDisclosure(id: $id) { attachmentNames attachments { id fileName mimeType size kind url uploadedByName targetType targetId } } }',
      { id: ids.d1 },
      users.auditor,
    );
    expect(d.attachmentNames).toEqual(['小区公示栏照片.png', '收支明细 (扫描件).PDF']);
    expect(d.attachments[0]).toEqual({
      id: ids.photo,
      fileName: '小区公示栏照片.png',
      mimeType: 'image/png',
      size: photo.length,
      kind: 'IMAGE',
      url: `/files/${ids.photo}`,
      uploadedByName: 'community',
      targetType: 'RevenueDisclosure',
      targetId: ids.d1,
    });
    expect(d.attachments[1].kind).toBe('PDF');

    // the request log has a line for each upload: who, the outcome, the path without the query (no file names)
    const line = logged.find((l) => (l.req as { method?: string } | undefined)?.method === 'POST' && (l.res as { status?: number } | undefined)?.status === 201);
    expect(line).toMatchObject({ req: { path: '/files' }, outcome: 'OK' });
    expect(typeof line?.userId).toBe('number');
    expect(JSON.stringify(logged)).not.toContain('小区公示栏');
  });

  it('stores the same file once, and answers the same file on the same record with the first', async () => {
    const photo = png(20, 20, [10, 120, 10]);
    const before = stored().blobs.length;
    const a = await upload(users.office, 'RevenueDisclosure', ids.d2, 'a.png', photo);
    const b = await upload(users.office, 'RevenueDisclosure', ids.d3, '同一张.png', photo);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).not.toBe(a.body.id);
    expect(b.body.hash).toBe(a.body.hash);
    expect(stored().blobs.length).toBe(before + 1);
    expect(stored().blobs).toContain(a.body.hash);
    const events = async () => (await ok('{ _allAuditEventsMeta(filter: { entityType: "Attachment" }) { count } }'))._allAuditEventsMeta.count;
    const n = await events();
    const repeat = await upload(users.office, 'RevenueDisclosure', ids.d2, 'a (1).png', photo);
    expect(repeat.status).toBe(200);
    expect(repeat.body.id).toBe(a.body.id);
    expect(await events()).toBe(n);
    // removing one keeps the bytes the other names; removing both lets them go
    await ok('mutation($id: ID!) { deleteAttachment(id: $id) { id } }', { id: a.body.id });
    expect(stored().blobs).toContain(a.body.hash);
    await ok('mutation($id: ID!) { deleteAttachment(id: $id) { id } }', { id: b.body.id });
    expect(stored().blobs).not.toContain(a.body.hash);
    expect((await download(users.office, b.body.id)).status).toBe(404);
  });

  it('refuses what is not a photo, PDF or Office document, whatever it is called, and keeps nothing of it', async () => {
    const before = stored();
    const refused = async (name: string, body: Buffer) => {
      const res = await upload(users.office, 'RevenueDisclosure', ids.d2, name, body);
      return [res.status, res.body.errors?.[0]?.extensions?.reason];
    };
    expect(await refused('photo.png', EXE)).toEqual([415, 'UNSUPPORTED_TYPE']);
    expect(await refused('photo.png', HTML)).toEqual([415, 'UNSUPPORTED_TYPE']);
    expect(await refused('report.docx', zipOf({ 'setup.exe': EXE }))).toEqual([415, 'UNSUPPORTED_TYPE']);
    expect(await refused('macro.docx', docx(true))).toEqual([415, 'UNSUPPORTED_TYPE']);
    expect(await refused('installer.doc', compoundFile(['SummaryInformation', 'Binary.exe']))).toEqual([415, 'UNSUPPORTED_TYPE']);
    // a real photo with a name that would open as something else
    expect(await refused('page.html', png())).toEqual([415, 'EXTENSION_MISMATCH']);
    expect(await refused('noextension', png())).toEqual([415, 'EXTENSION_MISMATCH']);
    expect(await refused('empty.png', Buffer.alloc(0))).toEqual([400, 'EMPTY_FILE']);
    expect(await refused('a\u0007.png', png())).toEqual([400, 'CONTROL_CHARACTER']);
    expect(await refused(`${'长'.repeat(252)}.png`, png())).toEqual([400, 'TOO_LONG']);
    const res = await upload(users.office, 'RevenueDisclosure', ids.d2, 'x.png', EXE);
    expect(res.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', reason: 'UNSUPPORTED_TYPE' });
    expect(stored()).toEqual(before);

    // what Office writes: a docx package and a legacy .doc
    const word = await upload(users.office, 'RevenueDisclosure', ids.d2, '整改通知.docx', docx());
    expect([word.status, word.body.mimeType]).toEqual([201, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    const legacy = await upload(users.office, 'RevenueDisclosure', ids.d2, '旧版通知.doc', compoundFile(['WordDocument', 'SummaryInformation']));
    expect([legacy.status, legacy.body.mimeType]).toEqual([201, 'application/msword']);
    // an Office document is never opened in the browser, and runs nothing there
    const got = await download(users.office, word.body.id);
    expect(got.headers['content-disposition']).toMatch(/^attachment;/);
    expect(got.headers['content-security-policy']).toContain('sandbox');
  });

  it('refuses a file over the configured maximum, as declared or as it streams, keeping nothing', async () => {
    const before = stored();
    const big = Buffer.concat([png(), Buffer.alloc(MAX)]);
    const declared = await upload(users.office, 'RevenueDisclosure', ids.d2, 'big.png', big);
    expect(declared.status).toBe(413);
    expect(declared.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE', maxBytes: MAX });

    // no Content-Length: refused once the maximum is passed, while it streams
    const server = t.app.express.listen(0, '127.0.0.1');
    try {
      await new Promise((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      const answer = await new Promise<{ status?: number; body: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: `/files?targetType=RevenueDisclosure&targetId=${ids.d2}&name=big.png`,
            headers: { authorization: `Bearer ${users.office}`, 'transfer-encoding': 'chunked' },
          },
          (res) => {
            let body = '';
            res.on('data', (c) => (body += c));
            res.on('end', () => resolve({ status: res.statusCode, body }));
          },
        );
        req.on('error', reject);
        const piece = Buffer.alloc(4096, 1);
        let sent = 0;
        req.write(png());
        const more = () => {
          while (sent < MAX + 16 * 1024) {
            sent += piece.length;
            if (!req.write(piece)) return void req.once('drain', more);
          }
          req.end();
        };
        more();
      });
      expect(answer.status).toBe(413);
      expect(JSON.parse(answer.body).errors[0].extensions.reason).toBe('FILE_TOO_LARGE');
    } finally {
      server.close();
    }
    expect(stored()).toEqual(before);
  });

  it('answers 404 to whoever may not read the record, 403 to those who read it but may not change it, 401 without a token', async () => {
    const missing = await download(users.office, '999999');
    expect(missing.status).toBe(404);
    const hidden = await download(users.baogai, ids.photo);
    expect(hidden.status).toBe(404);
    expect(JSON.parse(hidden.body.toString())).toEqual(JSON.parse(missing.body.toString()));
    expect((await download(users.sibling, ids.photo)).status).toBe(404);
    expect((await download(users.office, 'abc')).status).toBe(404);
    expect((await download(null, ids.photo)).status).toBe(401);
    expect((await download(users.auditor, ids.photo)).status).toBe(200);
    // 宝盖镇 lists none of 青阳街道's, and cannot name one
    const listed = await ok('{ allAttachments(perPage: 1000) { id } }', {}, users.baogai);
    expect(listed.allAttachments.map((a: { id: string }) => a.id)).not.toContain(ids.photo);
    expect((await ok('query($id: ID!) { Attachment(id: $id) { id } }', { id: ids.photo }, users.baogai)).Attachment).toBeNull();

    const png1 = png(4, 4, [1, 2, 3]);
    const reason = (res: request.Response) => [res.status, res.body.errors?.[0]?.extensions?.code, res.body.errors?.[0]?.extensions?.reason];
    expect(reason(await upload(users.baogai, 'RevenueDisclosure', ids.d1, 'x.png', png1))).toEqual([404, 'NOT_FOUND', undefined]);
    expect(reason(await upload(users.sibling, 'RevenueDisclosure', ids.d1, 'x.png', png1))).toEqual([404, 'NOT_FOUND', undefined]);
    // the street's unit staff read the community's records but do not record its facts
    expect(reason(await upload(users.street, 'RevenueDisclosure', ids.d1, 'x.png', png1))).toEqual([403, 'FORBIDDEN', 'OUT_OF_SCOPE']);
    expect(reason(await upload(users.auditor, 'RevenueDisclosure', ids.d1, 'x.png', png1))).toEqual([403, 'FORBIDDEN', 'ROLE']);
    expect(reason(await upload(null, 'RevenueDisclosure', ids.d1, 'x.png', png1))).toEqual([401, 'UNAUTHENTICATED', undefined]);
    expect(reason(await upload(users.office, 'Compound', ids.compound, 'x.png', png1))).toEqual([400, 'BAD_USER_INPUT', 'NOT_ATTACHABLE']);
    expect(reason(await upload(users.office, 'RevenueDisclosure', 'x', 'x.png', png1))).toEqual([400, 'BAD_USER_INPUT', 'NOT_AN_ID']);
    expect(reason(await upload(users.office, 'RevenueDisclosure', ids.d1, '', png1))).toEqual([400, 'BAD_USER_INPUT', 'REQUIRED']);
    // the other street reads its own; the city writes facts anywhere below it
    expect((await upload(users.baogai, 'RevenueDisclosure', ids.elsewhere, '宝盖.png', png1)).status).toBe(201);
    // a removal is refused alike
    expect(codeOf(await t.gql('mutation($id: ID!) { deleteAttachment(id: $id) { id } }', { id: ids.photo }, users.baogai))).toBe('NOT_FOUND');
    expect((await t.gql('mutation($id: ID!) { deleteAttachment(id: $id) { id } }', { id: ids.photo }, users.street)).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OUT_OF_SCOPE',
    });
    expect((await t.gql('mutation($id: ID!) { deleteAttachment(id: $id) { id } }', { id: ids.photo }, users.auditor)).errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'ROLE' });
  });

  it('lets unit staff remove only what they uploaded, audits uploads and removals with the record’s office, and keeps a record with files from deletion', async () => {
    const mine = await upload(users.community, 'RevenueDisclosure', ids.d3, '门岗照片.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]));
    expect([mine.status, mine.body.mimeType]).toEqual([201, 'image/jpeg']);
    const [uploaded] = await t.app.ds.query("SELECT action, jurisdictionId, afterJson FROM audit_event WHERE entityType = 'Attachment' AND entityId = ?", [mine.body.id]);
    expect(uploaded.action).toBe('UPLOAD');
    expect(String(uploaded.jurisdictionId)).toBe(J.get('阳光社区'));
    expect(JSON.parse(uploaded.afterJson)).toMatchObject({ targetType: 'RevenueDisclosure', targetId: Number(ids.d3), fileName: '门岗照片.jpg', mimeType: 'image/jpeg' });

    const notMine = await t.gql('mutation($id: ID!) { deleteAttachment(id: $id) { id } }', { id: mine.body.id }, users.community2);
    expect(notMine.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_UPLOADER' });
    expect((await t.gql('mutation($id: ID!) { deleteAttachment(id: $id) { id } }', { id: ids.scan }, users.community)).errors?.[0].extensions?.reason).toBe('NOT_UPLOADER');

    const still = await t.gql('mutation($id: ID!) { deleteRevenueDisclosure(id: $id) { id } }', { id: ids.d3 }, admin);
    expect(still.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'STILL_REFERENCED', entity: 'Attachment' });

    const removed = await ok('mutation($id: ID!) { deleteAttachment(id: $id) { id fileName } }', { id: mine.body.id }, users.community);
    expect(removed.deleteAttachment).toEqual({ id: mine.body.id, fileName: '门岗照片.jpg' });
    const [deleted] = await t.app.ds.query("SELECT action, jurisdictionId, beforeJson, actorName FROM audit_event WHERE entityType = 'Attachment' AND entityId = ? AND action = 'DELETE'", [
      mine.body.id,
    ]);
    expect([deleted.actorName, String(deleted.jurisdictionId)]).toEqual(['community', J.get('阳光社区')]);
    expect(JSON.parse(deleted.beforeJson)).toMatchObject({ fileName: '门岗照片.jpg' });
    expect((await t.gql('mutation($id: ID!) { deleteRevenueDisclosure(id: $id) { id } }', { id: ids.d3 }, admin)).errors).toBeUndefined();
  });

  it('attaches to progress reports of the staff’s own unit only, and to complaints and their steps', async () => {
    const [assignment] = await t.app.ds.query(
      "SELECT a.id FROM assignment a JOIN unit u ON u.id = a.unitId JOIN jurisdiction j ON j.id = u.jurisdictionId WHERE j.name = '阳光社区' AND u.name = '阳光社区' ORDER BY a.id LIMIT 1",
    );
    const report = (
      await ok(
        'mutation($a: ID!, $d: LocalDate!) { reportProgress(assignmentId: $a, reportDate: $d, status: IN_PROGRESS, note: "已张贴") { id } }',
        {
          a: String(assignment.id),
          d: todayInChina(),
        },
        users.community,
      )
    ).reportProgress.id;
    expect((await upload(users.community, 'ProgressReport', report, '现场.png', png(6, 6))).status).toBe(201);
    // 莲屿社区 reads the street's plan and its reports, and reports on its own assignments only
    const other = await upload(users.sibling, 'ProgressReport', report, '代传.png', png(6, 6));
    expect([other.status, other.body.errors[0].extensions.reason]).toEqual([403, 'OUT_OF_SCOPE']);
    const seen = await ok('query($id: ID!) { ProgressReport(id: $id) { attachmentNames } }', { id: report }, users.sibling);
    expect(seen.ProgressReport.attachmentNames).toEqual(['现场.png']);

    const complaint = (
      await ok('mutation($c: ID!) { createComplaint(compoundId: $c, channel: VISIT, category: LIGHTING, summary: "路灯不亮", receivedOn: "2026-02-01") { id steps { id } } }', { c: ids.compound })
    ).createComplaint;
    expect((await upload(users.office, 'Complaint', complaint.id, '投诉材料.pdf', pdf())).status).toBe(201);
    expect((await upload(users.office, 'ComplaintStep', complaint.steps[0].id, '受理回执.pdf', pdf('receipt'))).status).toBe(201);
    // not handed to the community's unit: its staff add nothing
    expect((await upload(users.community, 'Complaint', complaint.id, 'x.png', png())).status).toBe(403);
    const c = await ok('query($id: ID!) { Complaint(id: $id) { attachmentNames steps { attachmentNames } } }', { id: complaint.id }, users.auditor);
    expect(c.Complaint).toEqual({ attachmentNames: ['投诉材料.pdf'], steps: [{ attachmentNames: ['受理回执.pdf'] }] });
    expect((await ok('{ allAttachments(filter: { targetType: Complaint }) { fileName } }', {}, users.baogai)).allAttachments).toEqual([]);
  });

  it('lists each record’s files by name for the exports, in one statement for a page', async () => {
    const { allRevenueDisclosures } = await ok('query($c: ID!) { allRevenueDisclosures(filter: { compoundId: $c }, sortField: "quarter", sortOrder: "ASC") { quarter attachmentNames } }', {
      c: ids.compound,
    });
    expect(allRevenueDisclosures[0]).toEqual({ quarter: 1, attachmentNames: ['小区公示栏照片.png', '收支明细 (扫描件).PDF'] });
    t.sql.reset();
    await ok('{ allRevenueDisclosures(perPage: 100) { id attachments { id } attachmentNames } }');
    expect(t.sql.statements.filter((s) => /FROM\s+"?`?attachment/i.test(s)).length).toBe(1);
  });
});
