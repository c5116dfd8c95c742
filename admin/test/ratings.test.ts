/// <reference lib="dom" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { todayInChina } from '../../api/src/common/dates';
import { Role } from '../../api/src/common/roles';
import { usccCheckChar } from '../../api/src/common/uscc';
import { checkEligibility } from '../../schema/partner-client/check-eligibility';
import { PartnerApiError } from '../../schema/partner-client/client';
import { en, zh } from '../../api/test/console-messages';
import { browserAvailable, type Console, docShot, noSnackbar, SHOTS, shot, signIn, startConsole, choose } from './browser';

const run = browserAvailable() ? describe : describe.skip;
const TODAY = todayInChina();
const PASSWORD = 'password-123';
const CODES = ['SATISFACTION', 'PARTY_EVALUATION', 'COMPLIANCE', 'CIVILISED_CITY', 'SANITATION', 'HOTLINE_12345'];

/** The last complete quarter before today (an edition may not be dated before its period starts), and the two before it. */
function quarters(): Array<{ code: string; start: string; end: string }> {
  const [y, m] = TODAY.split('-').map(Number);
  const last = y * 4 + Math.floor((m - 1) / 3) - 1;
  return [last, last - 1, last - 2].map((i) => {
    const year = Math.floor(i / 4);
    const q = i % 4;
    return { code: `${year}Q${q + 1}`, start: `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`, end: new Date(Date.UTC(year, q * 3 + 3, 0)).toISOString().slice(0, 10) };
  });
}

let serial = 0;
/** A valid 统一社会信用代码 (GB 32100-2015 check character) that no other test file uses. */
const uscc = () => {
  const base = `91350582MA2RT${String(++serial).padStart(4, '0')}`;
  return `${base}${usccCheckChar(base)}`;
};

describe('console translations', () => {
  it('has the same keys in Chinese and English', () => {
    const flat = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? flat(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(flat(en).sort()).toEqual(flat(zh).sort());
  });
});

run('star ratings, the red and black list, and partner keys in the console', () => {
  let c: Console;
  let page: Page;
  let admin: string;
  let schemeId: string;
  let criteria: Record<string, string>;
  let partnerKey: string;
  const [latest, earlier, earliest] = quarters();
  const companies = {
    red: { name: '红星物业服务有限公司', uscc: uscc(), id: '' },
    mid: { name: '中和物业管理有限公司', uscc: uscc(), id: '' },
    black: { name: '黑石物业服务有限公司', uscc: uscc(), id: '' },
  };

  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await c.t.gql(query, variables, admin);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  };
  // registered in the area of the office whose scheme rates it (issue 14)
  const company = async (name: string, code: string) => {
    const area = (await ok('{ allRatingSchemes(filter: { subjectKind: PROPERTY_COMPANY }) { jurisdictionId } }')).allRatingSchemes[0].jurisdictionId;
    return (await ok('mutation($n: String!, $u: String!, $j: ID) { createPropertyCompany(name: $n, uscc: $u, jurisdictionId: $j) { id } }', { n: name, u: code, j: area })).createPropertyCompany
      .id as string;
  };
  const period = async (q: { code: string; start: string; end: string }) =>
    (
      await ok('mutation($s: ID!, $c: String!, $a: LocalDate!, $b: LocalDate!) { createRatingPeriod(schemeId: $s, code: $c, startDate: $a, endDate: $b) { id } }', {
        s: schemeId,
        c: q.code,
        a: q.start,
        b: q.end,
      })
    ).createRatingPeriod.id as string;
  const ratingOf = async (periodId: string, companyId: string) =>
    (
      await ok('query($p: ID!, $c: ID!) { allRatings(filter: { periodId: $p, propertyCompanyId: $c }) { id scores { criterionId score } result { total stars listStatus } } }', {
        p: periodId,
        c: companyId,
      })
    ).allRatings[0];
  const partnerUrl = () => `${c.base}/partner/graphql`;

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
    await c.t.createUser({ username: 'office_wu', displayName: '吴敏', role: Role.PARTY_OFFICE }); // chose PASSWORD after the admin created it
    const scheme = (await ok('{ allRatingSchemes(filter: { subjectKind: PROPERTY_COMPANY }) { id criteria { id code } } }')).allRatingSchemes[0];
    schemeId = scheme.id;
    criteria = Object.fromEntries(scheme.criteria.map((x: { id: string; code: string }) => [x.code, x.id]));
    partnerKey = (await ok('mutation { issuePartnerKey(name: "招投标平台（测试）") { secret } }')).issuePartnerKey.secret;
  }, 120_000);
  afterAll(() => c?.close());
  beforeEach(async () => {
    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN', acceptDownloads: true });
  });
  afterEach(() => page.close());

  const row = (name: string) => `[data-testid="rating-row"][data-subject="${name}"]`;
  /** Types one row's scores as an office worker does: click the first cell, then value, Tab, value… and Enter to save. */
  const typeRow = async (name: string, scores: Array<number | string>) => {
    await page.click(`${row(name)} [data-testid="score-${CODES[0]}"]`);
    for (const [i, s] of scores.entries()) {
      await page.keyboard.type(String(s));
      if (i < scores.length - 1) await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
  };

  it('the office enters scores, previews, publishes; the partner example client then reports the black-listed company as barred', async () => {
    const periodId = await period(latest);
    for (const k of ['red', 'mid', 'black'] as const) {
      companies[k].id = await company(companies[k].name, companies[k].uscc);
      await ok('mutation($p: ID!, $c: ID!) { createRating(periodId: $p, propertyCompanyId: $c) { id } }', { p: periodId, c: companies[k].id });
    }

    await signIn(page, c.base, 'office_wu', PASSWORD);
    // the office's menu: ratings and the access log, but no partner keys (ADMIN's)
    await page.waitForSelector('[data-testid="menu-RatingPeriod"]');
    expect(await page.textContent('[data-testid="menu-group-ratings"]')).toBe('评星');
    expect(await page.$$('[data-testid="menu-PartnerAccess"]')).toHaveLength(1);
    expect(await page.$$('[data-testid="menu-PartnerKey"]')).toHaveLength(0);

    await page.click('[data-testid="menu-RatingPeriod"]');
    await page.click(`td:has-text("${latest.code}")`);
    await page.waitForSelector('[data-testid="score-grid"]');
    expect(await page.$$('[data-testid="rating-row"]')).toHaveLength(3);
    expect(await page.getAttribute(`${row(companies.red.name)} [data-testid="rating-result"]`, 'data-complete')).toBe('false');

    // a score above the criterion's maximum: the server refuses the row, says so at the cell, and keeps nothing
    await typeRow(companies.mid.name, [150, 75, 75, 75, 75, 75]);
    const cellError = `${row(companies.mid.name)} td:has([data-testid="score-SATISFACTION"]) [data-testid="cell-error"]`;
    await page.waitForSelector(cellError);
    expect(await page.textContent(cellError)).toBe('超过该项满分');
    expect(await page.getAttribute(`${row(companies.mid.name)} [data-testid="score-SATISFACTION"]`, 'aria-invalid')).toBe('true');
    expect((await ratingOf(periodId, companies.mid.id)).scores).toEqual([]);
    await page.click(`${row(companies.mid.name)} [data-testid="score-SATISFACTION"]`);
    await page.keyboard.type('75'); // the cell's text is selected on focus: typing replaces it
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${row(companies.mid.name)} [data-testid="rating-result"][data-stars="3"][data-list-status="NONE"]`);
    expect(await page.$$(cellError)).toHaveLength(0);

    await typeRow(companies.red.name, [95, 95, 95, 95, 95, 95]);
    await typeRow(companies.black.name, [50, 50, 50, 50, 50, 50]);
    await page.waitForSelector(`${row(companies.red.name)} [data-testid="rating-result"][data-stars="5"][data-list-status="RED"]`);
    await page.waitForSelector(`${row(companies.black.name)} [data-testid="rating-result"][data-stars="1"][data-list-status="BLACK"]`);
    expect(await page.textContent(`${row(companies.red.name)} [data-testid="rating-total"]`)).toBe('95.00');
    expect(await page.textContent(`${row(companies.black.name)} [data-testid="rating-result"]`)).toContain('黑榜');
    expect(await page.textContent('[data-testid="grid-summary"]')).toBe('共 3 家，已评完 3 家；红榜 1 家，黑榜 1 家');
    // the API holds what was typed, and computes the same
    expect((await ratingOf(periodId, companies.black.id)).result).toEqual({ total: 50, stars: 1, listStatus: 'BLACK' });
    expect((await ratingOf(periodId, companies.mid.id)).scores).toHaveLength(6);
    await noSnackbar(page);
    await docShot(page, 'rating-grid');

    // the grid as the office's sheet: the import layout, then the computed columns
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="rating-export"]')]);
    const file = path.join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.worksheets[0].getSheetValues().slice(1) as unknown[][];
    expect(sheet[0].slice(1)).toEqual([
      '统一社会信用代码',
      '名称',
      '业主满意度评价',
      '街道（乡镇）、社区（小区）党组织评价',
      '物业服务企业遵守制度',
      '文明城市创建',
      '环境卫生整治',
      '12345 便民服务热线',
      '业主不满意率',
      '负面清单',
      '负面清单说明',
      '总分',
      '星级',
      '红黑榜',
      '原因',
      '缺项',
    ]);
    const blackLine = sheet.find((r) => r[2] === companies.black.name)!;
    expect(blackLine.slice(1, 11)).toEqual([companies.black.uscc, companies.black.name, 50, 50, 50, 50, 50, 50, undefined, '否']);
    expect(blackLine.slice(12, 15)).toEqual([50, 1, '黑榜']);

    // the preview: ranked, with red and black chips; ready
    await page.click('[data-testid="tab-preview"]');
    await page.waitForSelector('[data-testid="publication-preview"][data-ready="true"]');
    const entries = await page.$$eval('[data-testid="preview-entries"] [data-testid="entry"]', (els) =>
      els.map((e) => [e.getAttribute('data-subject'), e.getAttribute('data-rank'), e.getAttribute('data-stars'), e.getAttribute('data-list-status')]),
    );
    expect(entries).toEqual([
      [companies.red.name, '1', '5', 'RED'],
      [companies.mid.name, '2', '3', 'NONE'],
      [companies.black.name, '3', '1', 'BLACK'],
    ]);
    expect(await page.textContent('[data-testid="preview-entries"]')).toContain('1星（总分50.00）');
    await docShot(page, 'rating-preview');

    // publish: the day defaults to today; no reason is needed for the first edition
    await page.click('[data-testid="publish"]');
    expect(await page.inputValue('[data-testid="publish-date"]')).toBe(TODAY);
    expect(await page.textContent('[data-testid="publish-summary"]')).toContain('第 1 版');
    await page.click('[role="dialog"] [data-testid="publish-confirm"]');
    await page.waitForSelector('[data-testid="edition"][data-revision="1"] [data-testid="edition-entries"]');
    expect(await page.textContent('[data-testid="edition"][data-revision="1"]')).toContain(`${TODAY} 公布 · office_wu · 3 家，红榜 1 家，黑榜 1 家`);
    expect(await page.textContent('[data-testid="period-published"]')).toBe(`已公布第 1 版（${TODAY}）`);

    // the bidding platform asks the partner API through the example client
    const black = await checkEligibility({ url: partnerUrl(), apiKey: partnerKey, uscc: companies.black.uscc });
    expect(black).toMatchObject({ uscc: companies.black.uscc, name: companies.black.name, eligible: false, known: true });
    expect(black.report).toContain('BARRED');
    expect(black.report).toContain(`列入${latest.code}黑榜（第1版，${TODAY}公布）`);
    const red = await checkEligibility({ url: partnerUrl(), apiKey: partnerKey, uscc: companies.red.uscc });
    expect(red).toMatchObject({ eligible: true, known: true });
    expect(red.report).toContain('ELIGIBLE');

    // publication opened the black-listed company's rectification; the office records the interview
    await page.click('[data-testid="menu-Rectification"]');
    await page.click(`td:has-text("${companies.black.name}")`);
    await page.waitForSelector('[data-testid="rectification-steps"]');
    await page.click('[data-testid="rectification-interview"]');
    expect(await page.inputValue('[data-testid="rectification-date"]')).toBe(TODAY);
    await page.click('[role="dialog"] [data-testid="rectification-confirm"]');
    await page.waitForSelector('[data-testid="status"][data-status="INTERVIEWED"]');
    expect(await page.$$('[data-testid="rectification-steps"] .MuiStep-root')).toHaveLength(2);
    expect(await page.textContent('[data-testid="rectification-bar"]')).toContain('不得参与物业招投标');
    await shot(page, 'rectification');
    const interviewed = await checkEligibility({ url: partnerUrl(), apiKey: partnerKey, uscc: companies.black.uscc });
    expect(interviewed.eligible).toBe(false);
    expect(interviewed.report).toContain('已约谈');

    // a correction: a changed score shows in the preview, and publishing it asks why
    await page.goto(`${c.base}/admin/#/RatingPeriod/${periodId}/show`);
    await page.click(`${row(companies.mid.name)} [data-testid="score-HOTLINE_12345"]`);
    await page.keyboard.type('90');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${row(companies.mid.name)} [data-testid="rating-result"][data-total="76.5"]`);
    await page.click('[data-testid="tab-preview"]');
    await page.waitForSelector(`[data-testid="entry"][data-subject="${companies.mid.name}"][data-changed="true"] [data-testid="changed-mark"]`);
    expect(await page.$$('[data-testid="changed-mark"]')).toHaveLength(1);
    await page.click('[data-testid="publish"]');
    expect(await page.textContent('[role="dialog"]')).toContain('必须说明更正原因');
    await page.click('[role="dialog"] [data-testid="publish-confirm"]');
    await page.waitForSelector('[role="dialog"] >> text=必填');
    await page.fill('[data-testid="publish-reason"]', '中和物业12345热线得分复核为90分');
    await page.click('[role="dialog"] [data-testid="publish-confirm"]');
    await page.waitForSelector('[data-testid="edition"]:first-child[data-revision="2"] [data-testid="edition-reason"]');
    expect(await page.textContent('[data-testid="edition"][data-revision="2"] [data-testid="edition-reason"]')).toBe('更正原因：中和物业12345热线得分复核为90分');
    expect(await page.$$('[data-testid="edition"]')).toHaveLength(2);
    // publishing again with nothing changed is refused, in Chinese
    await page.click('[data-testid="tab-preview"]');
    await page.waitForSelector('[data-testid="preview-not-ready"]:has-text("无需更正")');
    await page.click('[data-testid="publish"]');
    await page.fill('[data-testid="publish-reason"]', '再次公布');
    await page.click('[role="dialog"] [data-testid="publish-confirm"]');
    expect(await page.textContent('[data-testid="publish-error"]')).toBe('评分与已公布的版本相同，无需更正');
    await shot(page, 'rating-publish-unchanged');
    await page.click('[role="dialog"] button:has-text("取消")');
    await page.click('[data-testid="tab-editions"]');
    await page.waitForSelector('[data-testid="edition"][data-revision="2"]');
    await shot(page, 'rating-editions');
  }, 240_000);

  it('adds a company to a period from the grid and saves its first score', async () => {
    const periodId = await period(earlier);
    const name = '青阳新添物业有限公司';
    const code = uscc();
    const companyId = await company(name, code);
    await signIn(page, c.base, 'office_wu', PASSWORD);
    await page.goto(`${c.base}/admin/#/RatingPeriod/${periodId}/show`);
    await page.waitForSelector('[data-testid="score-grid"] >> text=本周期尚无评价对象');
    await page.click('[data-testid="add-subject"]');
    await page.fill('[data-testid="add-subject-picker"]', '新添');
    await choose(page, `${code}`);
    await page.click('[role="dialog"] [data-testid="add-subject-confirm"]');
    await page.waitForSelector(row(name));
    // the new row takes the focus: the office types straight away
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.getAttribute('data-testid') === 'score-SATISFACTION');
    await page.keyboard.type('88');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${row(name)} [data-testid="row-saved"]`);
    const saved = await ratingOf(periodId, companyId);
    expect(saved.scores).toEqual([{ criterionId: criteria.SATISFACTION, score: 88 }]);
    expect(await page.textContent(`${row(name)} [data-testid="rating-missing"]`)).toBe('未评完：缺 5 项');
  });

  it("imports the office's rating sheet: the template, a preview row by row, refused while a row is rejected, then imported", async () => {
    const periodId = await period(earliest);
    const rated = { name: '晋江安居物业有限公司', uscc: uscc() };
    const added = { name: '青阳顺达物业有限公司', uscc: uscc() };
    const ratedId = await company(rated.name, rated.uscc);
    const addedId = await company(added.name, added.uscc);
    await ok('mutation($p: ID!, $c: ID!) { createRating(periodId: $p, propertyCompanyId: $c) { id } }', { p: periodId, c: ratedId });
    await signIn(page, c.base, 'office_wu', PASSWORD);
    await page.goto(`${c.base}/admin/#/RatingPeriod/${periodId}/show`);
    await page.waitForSelector(row(rated.name));

    // the template: the layout with the scheme's criteria, one row per company already rated
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="rating-template"]')]);
    const template = path.join(SHOTS, download.suggestedFilename());
    await download.saveAs(template);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(template);
    const ws = book.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      '统一社会信用代码',
      '名称',
      '业主满意度评价',
      '街道（乡镇）、社区（小区）党组织评价',
      '物业服务企业遵守制度',
      '文明城市创建',
      '环境卫生整治',
      '12345 便民服务热线',
      '业主不满意率',
      '负面清单',
      '负面清单说明',
    ]);
    expect((ws.getRow(2).values as unknown[]).slice(1, 3)).toEqual([rated.uscc, rated.name]);

    // the office fills it in Excel: scores for the rated company, a new company (dissatisfaction typed as a
    // percentage cell), a company nobody registered, and a column of its own
    for (let col = 3; col <= 8; col++) ws.getCell(2, col).value = 85;
    ws.addRow([added.uscc, added.name, 90, 90, 90, 90, 90, 90, 0.125, '否', '']);
    ws.getCell(3, 9).numFmt = '0.0%';
    const stranger = uscc();
    ws.addRow([stranger, '未登记物业', 70, 70, 70, 70, 70, 70, null, '否', '']);
    ws.getCell(1, 12).value = '备注';
    const withStranger = path.join(SHOTS, 'rating-sheet-1.xlsx');
    await book.xlsx.writeFile(withStranger);
    await page.setInputFiles('[data-testid="rating-import-file"]', withStranger);
    await page.waitForSelector('[data-testid="rating-import-summary"]');
    expect(await page.textContent('[data-testid="rating-import-summary"]')).toBe('新增 1 家，修改 1 家，不变 0 家，拒绝 1 行');
    expect(await page.textContent('[data-testid="rating-import-preview"]')).toContain('以下列不是本方案的评价指标，不会导入：备注');
    expect(await page.getAttribute('[data-testid="rating-import-row-2"]', 'data-status')).toBe('CHANGE');
    expect(await page.getAttribute('[data-testid="rating-import-row-3"]', 'data-status')).toBe('ADD');
    expect(await page.textContent('[data-testid="rating-import-row-3"]')).toContain('90.00');
    expect(await page.getAttribute('[data-testid="rating-import-row-4"]', 'data-status')).toBe('REJECT');
    expect(await page.textContent('[data-testid="rating-import-row-4"]')).toContain('统一社会信用代码：系统中没有该统一社会信用代码的物业服务企业');
    expect(await page.isDisabled('[data-testid="rating-import-confirm"]')).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'rating-import.png') });
    await page.click('[role="dialog"] button:has-text("取消")');
    expect((await ratingOf(periodId, ratedId)).scores).toEqual([]);

    // without the stranger the sheet imports in one go
    ws.spliceRows(4, 1);
    const fixed = path.join(SHOTS, 'rating-sheet-2.xlsx');
    await book.xlsx.writeFile(fixed);
    await page.setInputFiles('[data-testid="rating-import-file"]', fixed);
    await page.waitForSelector('[data-testid="rating-import-summary"]:has-text("拒绝 0 行")');
    await page.click('[data-testid="rating-import-confirm"]');
    await page.waitForSelector(`${row(added.name)} [data-testid="rating-result"][data-stars="5"][data-list-status="RED"]`);
    await page.waitForSelector(`${row(rated.name)} [data-testid="rating-result"][data-stars="4"][data-list-status="NONE"]`);
    expect(await page.inputValue(`${row(added.name)} [data-testid="dissatisfaction"]`)).toBe('12.5');
    expect((await ratingOf(periodId, addedId)).result).toEqual({ total: 90, stars: 5, listStatus: 'RED' });
  });

  it("shows the server's refusal when a scheme's weights do not add up to 100, and saves nothing", async () => {
    await signIn(page, c.base, 'office_wu', PASSWORD);
    await page.goto(`${c.base}/admin/#/RatingScheme/${schemeId}`);
    await page.waitForSelector('input[name="criteria.0.weight"]');
    expect(await page.getAttribute('[data-testid="weight-total"]', 'data-total')).toBe('100');
    await page.fill('input[name="criteria.0.weight"]', '30');
    await page.waitForSelector('[data-testid="weight-total"][data-total="90"]');
    await page.click('button[type="submit"]');
    await page.waitForSelector('text=各项权重之和须为 100');
    await shot(page, 'rating-scheme-weights');
    const weights = (await ok('query($id: ID!) { RatingScheme(id: $id) { criteria { weight } } }', { id: schemeId })).RatingScheme.criteria.map((x: { weight: number }) => x.weight);
    expect(weights).toEqual([40, 20, 10, 10, 10, 10]);
  });

  it('issues a partner key whose secret is shown once, logs its requests, and revokes it', async () => {
    const partner = '石狮市公共资源交易中心 招投标平台';
    await signIn(page, c.base, 'admin', (await import('../../api/test/harness')).ADMIN_PASSWORD);
    await page.click('[data-testid="menu-PartnerKey"]');
    await page.waitForSelector('[data-testid="partner-keys"]');
    await page.click('[data-testid="issue-key"]');
    await page.fill('[data-testid="issue-key-name"]', partner);
    await page.fill('[data-testid="issue-key-note"]', '数据共享协议 2026-07');
    await page.click('[role="dialog"] [data-testid="issue-key-confirm"]');
    await page.waitForSelector('[data-testid="secret-value"]');
    const secret = await page.inputValue('[data-testid="secret-value"]');
    expect(secret).toMatch(/^wyk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/);
    expect(await page.textContent('[data-testid="secret-warning"]')).toContain('只显示这一次');
    await page.click('[data-testid="secret-copy"]');
    await page.waitForSelector('[data-testid="secret-copied"]');
    expect(await page.isDisabled('[data-testid="secret-close"]')).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'partner-key-secret.png') });
    await page.check('[data-testid="secret-confirm-copied"]');
    await page.click('[data-testid="secret-close"]');
    await page.waitForSelector('[data-testid="secret-dialog"]', { state: 'detached' });
    const prefix = secret.slice(0, 12);
    await page.waitForSelector(`[data-testid="partner-keys"] td:has-text("${prefix}")`);
    // once closed, the secret is nowhere: not in the list, not on the key's page
    expect(await page.content()).not.toContain(secret);
    await page.click(`[data-testid="partner-keys"] td:has-text("${prefix}")`);
    await page.waitForSelector(`text=${partner}`);
    expect(await page.content()).not.toContain(secret);

    // the key works; each request is logged under it
    const unknown = uscc();
    const answer = await checkEligibility({ url: partnerUrl(), apiKey: secret, uscc: unknown });
    expect(answer).toMatchObject({ known: false, eligible: false });

    // revoked from the console, with a reason: its next request is refused
    await page.click('[data-testid="revoke-key"]');
    await page.click('[role="dialog"] [data-testid="revoke-key-confirm"]');
    await page.waitForSelector('[role="dialog"] >> text=必填');
    await page.fill('[data-testid="revoke-key-reason"]', '合作协议到期');
    await page.click('[role="dialog"] [data-testid="revoke-key-confirm"]');
    await page.waitForSelector('[data-testid="key-state"][data-active="false"]');
    const refused = await checkEligibility({ url: partnerUrl(), apiKey: secret, uscc: unknown }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(PartnerApiError);
    expect((refused as PartnerApiError).code).toBe('UNAUTHENTICATED');

    await page.click('[data-testid="menu-PartnerKey"]');
    await page.waitForSelector(`[data-testid="partner-keys"] tr:has-text("${prefix}") >> text=合作协议到期`);
    await noSnackbar(page);
    await docShot(page, 'partner-keys');

    // the access log: both requests under the key's name, the refused one as such
    await page.click('[data-testid="menu-PartnerAccess"]');
    await page.fill('input[name="uscc"]', unknown);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="partner-accesses"] tbody tr').length === 1);
    const lines = await page.$$eval('[data-testid="partner-accesses"] tbody tr', (trs) => trs.map((tr) => tr.textContent ?? ''));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`${partner}（${prefix}）`);
    expect(lines[0]).toContain('companyStanding');
    await page.fill('input[name="uscc"]', '');
    await page.waitForSelector('[data-testid="partner-accesses"] [data-outcome="UNAUTHENTICATED"]');
    await noSnackbar(page);
    await page.screenshot({ path: path.join(SHOTS, 'partner-accesses.png') });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-accesses"]')]);
    const file = path.join(SHOTS, download.suggestedFilename());
    await download.saveAs(file);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const rows = book.worksheets[0].getSheetValues().slice(1) as unknown[][];
    expect(rows[0].slice(1)).toEqual(['时间', '密钥', '操作名', '查询', '涉及企业（统一社会信用代码）', '结果', '请求编号']);
    expect(rows.some((r) => r[2] === `${partner}（${prefix}）` && r[6] === '密钥无效或已吊销')).toBe(true);
  });
});
