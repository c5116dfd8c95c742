/// <reference lib="dom" />
import path from 'node:path';
import type { Page } from 'playwright-core';
import { Role } from '../../../../api/src/common/roles';
import { createDemoData } from '../../../../api/src/scripts/demo-data';
import { createServices } from '../../../../api/src/services';
import { USER_PASSWORD } from '../../../../api/test/harness';
import { all, ratingFixture } from '../../../../api/test/rating-fixtures';
import { todayInChina } from '../../../../api/src/common/dates';
import { disclosureDueOn, latestDueQuarter } from '../../../../api/src/modules/public-revenue/public-revenue.rules';
import { browserAvailable, type Console, docShot, SHOTS, signIn, startConsole, choose } from '../../browser';

const run = browserAvailable() ? describe : describe.skip;

/**
 * The compound page (issue 15): a community's staff member records a new owners' committee with its
 * members on the page of one of their compounds, sees its party share, and the street's committee
 * indicators on the dashboard move. With the demo ledger loaded, the page and a phone-width list are
 * what admin/docs/ shows.
 */
run('the compound page', () => {
  let c: Console;
  let page: Page;
  let admin: string;
  let compoundId: string;

  const ok = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await c.t.gql(query, variables, admin);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  /** The dashboard's bar of a 青阳街道 indicator: its caption ("实际 … · 目标 …"). */
  const bar = async (name: string): Promise<string> => {
    await page.goto(`${c.base}/admin/#/`);
    const sel = `[data-testid="indicator-bar"]:has-text("${name}（青阳街道）")`;
    await page.waitForSelector(sel);
    return (await page.textContent(`${sel} .MuiTypography-caption`)) ?? '';
  };
  const pick = async (input: string, option: string) => {
    await page.click(`.ra-input-${input} [role="combobox"]`);
    await choose(page, `${option}`);
  };

  beforeAll(async () => {
    c = await startConsole();
    admin = await c.t.adminToken();
    await createDemoData(c.t.app.ds, createServices(c.t.app.ds, c.t.config));
    const { allJurisdictions, allUnits } = await ok('{ allJurisdictions(filter: { q: "阳光社区" }) { id } allUnits(filter: { q: "阳光社区" }) { id } }');
    await c.t.createUser({ username: 'yg_staff', displayName: '阳光社区网格员', role: Role.UNIT_STAFF, unitId: allUnits[0].id, jurisdictionId: allJurisdictions[0].id });
    compoundId = (await ok('mutation($c: ID!) { createCompound(name: "阳光新苑", communityId: $c, managementMode: SELF_MANAGED) { id } }', { c: allJurisdictions[0].id })).createCompound.id;
  }, 180_000);
  afterAll(() => c?.close());

  it('lets a community worker record a committee and its members there, and the street’s indicators move', async () => {
    page = await c.browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await signIn(page, c.base, 'yg_staff', USER_PASSWORD);
    const rateBefore = await bar('业委会组建率');
    const coverBefore = await bar('小区业主自治组织覆盖');

    await page.goto(`${c.base}/admin/#/Compound/${compoundId}/show`);
    await page.waitForSelector('[data-testid="compound-committee"]');
    expect(await page.textContent('[data-testid="committee-standing"]')).toBe('未成立');
    expect(await page.textContent('[data-testid="compound-flags"]')).toContain('无业主自治组织');

    await page.click('[data-testid="add-committee"]');
    await page.waitForSelector('input[name="termEndsOn"]');
    // formed earlier this year (the form offers today); filing before forming is refused on the field
    await page.fill('input[name="formedOn"]', '2026-06-01');
    await page.fill('input[name="termEndsOn"]', '2031-05-31');
    await page.fill('input[name="filedOn"]', '2026-05-15');
    await page.click('button[type="submit"]');
    await page.waitForSelector('text=结束日期不能早于开始日期');
    await page.fill('input[name="filedOn"]', '2026-06-15');
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-testid="add-member"]');

    for (const [name, role, status] of [
      ['王某明', '主任', '中共党员'],
      ['李某芳', '副主任', '群众'],
      ['陈某华', '委员', '群众'],
    ]) {
      await page.click('[data-testid="add-member"]');
      await page.waitForSelector('input[name="name"]');
      await page.fill('input[name="name"]', name);
      await pick('role', role);
      await pick('politicalStatus', status);
      await page.fill('input[name="building"]', '3号楼');
      await page.click('button[type="submit"]');
      await page.waitForSelector(`[data-testid="committee-member"]:has-text("${name}")`);
    }
    expect(await page.$$('[data-testid="committee-member"]')).toHaveLength(3);
    expect(await page.textContent('[data-testid="committee-share"]')).toContain('成员 3 人，其中党员 1 人（33.33%）');
    await page.waitForSelector('[data-testid="compound-flags"] [data-flag="BELOW_PARTY_SHARE"]');
    expect(await page.textContent('[data-testid="committee-standing"]')).toBe('任期内');

    // the street's figures, computed from the compounds (not typed), moved
    const rateAfter = await bar('业委会组建率');
    const coverAfter = await bar('小区业主自治组织覆盖');
    expect(rateAfter).not.toBe(rateBefore);
    expect(coverAfter).not.toBe(coverBefore);
    const actual = (s: string) => Number(/实际\s*([\d.]+)%/.exec(s)?.[1]);
    expect(actual(rateAfter)).toBeGreaterThan(actual(rateBefore));
    expect(actual(coverAfter)).toBeGreaterThan(actual(coverBefore));
    await page.close();
  }, 180_000);

  it('imports a community’s disclosure sheet with a preview, and the compound page shows each quarter on time or late', async () => {
    // the quarter last due as of today and the one before: the compound page shows both
    const due = latestDueQuarter(todayInChina());
    const before = due.quarter === 1 ? { year: due.year - 1, quarter: 4 } : { year: due.year, quarter: due.quarter - 1 };
    const dueOn = disclosureDueOn(due.year, due.quarter);
    const late = new Date(Date.parse(`${dueOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const ExcelJS = (await import('exceljs')).default;
    const write = async (rows: Array<Array<string | number>>, name: string) => {
      const book = new ExcelJS.Workbook();
      const ws = book.addWorksheet('公共收益公示');
      ws.addRow(['阳光社区公共收益公示台账']);
      ws.addRow(['社区', '小区', '年度', '季度', '公示日期', '公示佐证', '公示内容']);
      for (const r of rows) ws.addRow(r);
      const file = path.join(SHOTS, name);
      await book.xlsx.writeFile(file);
      return file;
    };
    const good: Array<Array<string | number>> = [
      ['阳光社区', '阳光新苑', before.year, `第${'一二三四'[before.quarter - 1]}季度`, disclosureDueOn(before.year, before.quarter), '小区公示栏', ''],
      ['', '阳光新苑', due.year, `Q${due.quarter}`, late, '小区公示栏及业主群', ''],
    ];
    const withBad = await write([...good, ['阳光社区', '阳光新苑', due.year, '第五季度', late, '公示栏', '']], 'disclosures-with-bad-row.xlsx');
    const count = async () => (await ok('{ _allRevenueDisclosuresMeta(filter: { compoundId: "' + compoundId + '" }) { count } }'))._allRevenueDisclosuresMeta.count;

    page = await c.browser.newPage({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
    await signIn(page, c.base, 'yg_staff', USER_PASSWORD);
    await page.goto(`${c.base}/admin/#/RevenueDisclosure`);
    await page.waitForSelector('[data-testid="disclosure-import"]');
    await page.setInputFiles('[data-testid="disclosure-import-file"]', withBad);
    await page.waitForSelector('[data-testid="disclosure-import-row-5"]');
    expect(await page.getAttribute('[data-testid="disclosure-import-row-3"]', 'data-status')).toBe('ADD');
    expect(await page.getAttribute('[data-testid="disclosure-import-row-4"]', 'data-status')).toBe('ADD');
    expect(await page.textContent('[data-testid="disclosure-import-row-4"]')).toContain('逾期公示');
    expect(await page.getAttribute('[data-testid="disclosure-import-row-5"]', 'data-status')).toBe('REJECT');
    expect(await page.textContent('[data-testid="disclosure-import-row-5"]')).toContain('季度：无法识别');
    expect(await page.isDisabled('[data-testid="disclosure-import-confirm"]')).toBe(true);
    expect(await count()).toBe(0);
    await page.keyboard.press('Escape');

    await page.setInputFiles('[data-testid="disclosure-import-file"]', await write(good, 'disclosures.xlsx'));
    await page.waitForSelector('[data-testid="disclosure-import-row-4"]');
    expect(await page.textContent('[data-testid="disclosure-import-late"]')).toContain('1 条晚于应公示日期');
    await page.click('[data-testid="disclosure-import-confirm"]');
    await page.waitForSelector('text=公示台账已导入：新增 2 条');
    expect(await count()).toBe(2);

    await page.goto(`${c.base}/admin/#/Compound/${compoundId}/show`);
    await page.waitForSelector('[data-testid="disclosure-quarter"]');
    const statuses = await page.$$eval('[data-testid="disclosure-quarter"]', (rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses.slice(0, 2)).toEqual(['LATE', 'ON_TIME']);
    await page.close();
  }, 180_000);

  it('prints a published red/black-list edition from its public link', async () => {
    const f = await ratingFixture(c.t, admin, 'DQCT1');
    const period = await f.period('2025Q3', '2025-07-01', '2025-09-30');
    for (const [name, score, extra] of [
      ['演示晋安物业服务有限公司', 96, {}],
      ['演示鸿盛物业管理有限公司', 85, {}],
      ['演示海丝物业服务有限公司', 72, {}],
      ['演示泉安城市服务有限公司', 45, { dissatisfaction: 58 }],
    ] as const) {
      const co = await f.company(name);
      await f.rate(period, co.id, all(score), extra);
    }
    const edition = (await ok('mutation($p: ID!) { publishRatingPeriod(periodId: $p, publishedOn: "2025-10-08") { id } }', { p: period })).publishRatingPeriod.id;
    const path = (await ok('mutation($e: ID!) { createNoticeLink(kind: PUBLICATION_EDITION, targetId: $e) { path } }', { e: edition })).createNoticeLink.path;
    page = await c.browser.newPage({ viewport: { width: 900, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${c.base}${path}`);
    await page.waitForSelector('table');
    expect(await page.textContent('body')).toContain('黑榜');
    await docShot(page, 'notice-red-black-list');
    await page.close();
  }, 120_000);

  it('shows a demo compound’s whole ledger on one page, and the list by flag on a phone', async () => {
    page = await c.browser.newPage({ viewport: { width: 1280, height: 1600 }, locale: 'zh-CN' });
    await signIn(page, c.base, 'yg_staff', USER_PASSWORD);
    const demo = (await ok('{ allCompounds(filter: { q: "演示阳光" }, perPage: 20) { id ownersCommittees { memberCount } } }')).allCompounds.find(
      (x: { ownersCommittees: Array<{ memberCount: number }> }) => x.ownersCommittees.some((o) => o.memberCount > 0),
    );
    await page.goto(`${c.base}/admin/#/Compound/${demo.id}/show`);
    await page.waitForSelector('[data-testid="committee-member"]');
    await page.waitForSelector('[data-testid="disclosure-quarter"]');
    await page.waitForSelector('[data-testid="compound-evaluations"]');
    await docShot(page, 'compound-page');

    // 公示: the committee board's public link, opened without signing in
    await page.click('[data-testid="notice-make"]');
    const url = (await page.textContent('[data-testid="notice-url"]'))!.trim();
    const notice = await c.browser.newPage({ viewport: { width: 900, height: 1100 }, locale: 'zh-CN' });
    await notice.goto(url);
    await notice.waitForSelector('h1');
    expect(await notice.textContent('h1')).toContain('成员公示');
    await docShot(notice, 'notice-committee-board');
    await notice.close();
    await page.close();

    page = await c.browser.newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true });
    await signIn(page, c.base, 'yg_staff', USER_PASSWORD);
    await page.goto(`${c.base}/admin/#/Compound?filter=${encodeURIComponent(JSON.stringify({ flags: ['BELOW_PARTY_SHARE'] }))}`);
    await page.waitForSelector('[data-testid="compound-flags"] [data-flag="BELOW_PARTY_SHARE"]');
    const flagged = await page.$$eval('[data-testid="compound-flags"]', (els) => els.map((e) => e.textContent ?? ''));
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.every((t) => t.includes('业委会党员比例不足50%'))).toBe(true);
    // as many as the API lists for the same filter (the community's own compounds only)
    const listed = (await c.t.gql('{ _allCompoundsMeta(filter: { flags: [BELOW_PARTY_SHARE] }) { count } }', {}, await c.t.login('yg_staff', USER_PASSWORD))).data._allCompoundsMeta.count;
    expect(flagged.length).toBe(Math.min(listed, 10));
    await docShot(page, 'compound-list-phone');
    await page.close();
  }, 180_000);
});
