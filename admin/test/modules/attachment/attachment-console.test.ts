import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { Role } from '../../../../api/src/common/roles';
import { pdf, png } from '../../../../api/test/modules/attachment/files';
import { browserAvailable, type Console, shot, signIn, startConsole } from '../../browser';

const run = browserAvailable() ? describe : describe.skip;

/** 附件 in the console: a community's staff photograph the notice board on a disclosure's page and see its thumbnail. */
run('attachments in the console', () => {
  let c: Console;
  let page: Page;
  let admin: string;
  let dir: string;
  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wydj-upload-'));
  });
  afterAll(async () => {
    await c?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => page?.close());

  it('uploads a photo on a disclosure page and shows its thumbnail; a program called .png is refused in Chinese', async () => {
    const community = (await c.t.gql('{ allJurisdictions(filter: { q: "阳光社区" }) { id name } }', {}, admin)).data.allJurisdictions.find((j: { name: string }) => j.name === '阳光社区');
    const unit = (await c.t.gql('query($j: ID!) { allUnits(filter: { jurisdictionId: $j }) { id kind } }', { j: community.id }, admin)).data.allUnits.find(
      (u: { kind: string }) => u.kind === 'COMMUNITY',
    );
    await c.t.createUser({ username: 'yangguang_photo', role: Role.UNIT_STAFF, unitId: unit.id });
    const compound = (await c.t.gql(`mutation { createCompound(name: "附件界面小区", communityId: "${community.id}", managementMode: NONE) { id } }`, {}, admin)).data.createCompound;
    const disclosure = (await c.t.gql(`mutation { createRevenueDisclosure(compoundId: "${compound.id}", year: 2025, quarter: 4, disclosedOn: "2026-01-20", evidence: "公示栏") { id } }`, {}, admin))
      .data.createRevenueDisclosure;
    const photo = path.join(dir, '公示栏照片.png');
    fs.writeFileSync(photo, png(120, 90, [30, 110, 200]));
    const fake = path.join(dir, '伪装.png');
    fs.writeFileSync(fake, Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.alloc(100)]));

    page = await c.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await signIn(page, c.base, 'yangguang_photo', 'password-123');
    await page.goto(`${c.base}/admin/#/RevenueDisclosure/${disclosure.id}/show`);
    await page.waitForSelector('[data-testid="attachments"] >> text=暂无附件');
    // the picker offers the camera on a phone: photos first, then what else is taken
    expect(await page.getAttribute('[data-testid="attachment-input"]', 'accept')).toMatch(/^image\/\*,application\/pdf/);

    await page.setInputFiles('[data-testid="attachment-input"]', photo);
    await page.waitForSelector('[data-testid="attachment-thumb"]');
    // the thumbnail is the photo itself, fetched with the session's token and drawn
    await page.waitForFunction(() => (document.querySelector('[data-testid="attachment-thumb"]') as HTMLImageElement | null)?.naturalWidth === 120);
    expect(await page.textContent('[data-testid="attachments"]')).toContain('公示栏照片.png');

    await page.setInputFiles('[data-testid="attachment-input"]', fake);
    await page.waitForSelector('text=只能上传照片（JPEG、PNG、WebP、GIF）、PDF 和不含宏的 Office 文档');
    expect(await page.$$('[data-testid="attachment"]')).toHaveLength(1);
    await shot(page, 'disclosure-attachments-phone');

    // the office sees it too, and the list's export names it
    const listed = (await c.t.gql(`{ RevenueDisclosure(id: "${disclosure.id}") { attachmentNames } }`, {}, admin)).data.RevenueDisclosure;
    expect(listed.attachmentNames).toEqual(['公示栏照片.png']);

    // the uploader removes it
    await page.click('[data-testid="attachment-delete"]');
    await page.click('.MuiDialog-root button:has-text("确认")');
    await page.waitForSelector('[data-testid="attachments"] >> text=暂无附件');
  }, 120_000);

  it('lets a unit attach a scan to its progress report from 我的任务', async () => {
    const unitId = (await c.t.gql('{ allUnits(filter: { q: "人居环境办" }) { id } }', {}, admin)).data.allUnits[0].id;
    await c.t.createUser({ username: 'renju_staff', role: Role.UNIT_STAFF, unitId });
    const scan = path.join(dir, '整治前后对比.pdf');
    fs.writeFileSync(scan, pdf('整治前后'));

    page = await c.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await signIn(page, c.base, 'renju_staff', 'password-123');
    await page.click('[data-testid="menu-my-tasks"]');
    await page.click('[data-testid="my-task"] >> nth=0 >> [data-testid="report-progress"]');
    await page.fill('[data-testid="report-note"]', '已清理楼道堆物');
    await page.click('[data-testid="report-submit"]');
    await page.waitForSelector('text=进度已报告');

    await page.click('[data-testid="my-task"] >> nth=0 >> [data-testid="progress-reports"]');
    await page.waitForSelector('[data-testid="progress-report"] >> text=已清理楼道堆物');
    await page.setInputFiles('[data-testid="progress-report"] >> nth=0 >> [data-testid="attachment-input"]', scan);
    await page.waitForSelector('[data-testid="progress-report"] [data-testid="attachment"][data-kind="PDF"]');
    expect(await page.textContent('[data-testid="progress-report"] >> nth=0')).toContain('整治前后对比.pdf');
    await shot(page, 'progress-report-attachments');
  }, 120_000);
});
