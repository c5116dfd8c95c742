import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { TECHNICAL_NAMES } from '../../api/test/console-messages';
import { startTestApp, type TestApp } from '../../api/test/harness';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SHOTS = path.resolve(__dirname, 'screenshots');

/**
 * Browser tests need Debian's Chromium. Without it they are skipped with a line saying so, except
 * under CI, where a missing browser fails the run (.ci/run installs it).
 */
export function browserAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  if (process.env.CI) throw new Error(`Browser tests need Chromium at ${CHROMIUM} (apt-get install chromium); CI must not skip them`);
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (apt-get install chromium to run them)`);
  return false;
}

export interface Console {
  t: TestApp;
  base: string;
  browser: Browser;
  /**
   * What the console showed or said untranslated on this app's pages so far (see guardLanguage):
   * close() fails the test file when any is left. A test that provokes one on purpose takes it out.
   */
  untranslated: string[];
  close(): Promise<void>;
}

/**
 * Where the console shows a refusal or a picker's own words: notifications, field errors, alerts,
 * an autocomplete's "no options" and "loading". On a page in Chinese (the console sets <html lang>),
 * a Latin word there other than a file kind's or a unit's name (or in a link) is English that
 * reached a Chinese screen, and an argument left as %{name} or {{name}} is a message half made, in
 * either language; the page says so on its console with the data provider's own prefix.
 */
const SHOWN_REFUSALS = '.MuiSnackbarContent-message, .MuiAlert-message, .MuiFormHelperText-root.Mui-error, .MuiAutocomplete-noOptions, .MuiAutocomplete-loading';
const WATCH_LANGUAGE = `(() => {
  const seen = new Set();
  const technical = new RegExp(${JSON.stringify(TECHNICAL_NAMES.source)}, 'g');
  const check = () => {
    if (document.documentElement.lang === 'en') return;
    for (const el of document.querySelectorAll(${JSON.stringify(SHOWN_REFUSALS)})) {
      const text = (el.textContent || '').trim();
      const words = text.replace(/https?:\\/\\/\\S+/g, '').replace(technical, '');
      if (!text || seen.has(text) || !(/[A-Za-z]{2,}/.test(words) || /%\\{|\\{\\{/.test(text))) continue;
      seen.add(text);
      console.error('[untranslated] shown: ' + text);
    }
  };
  const start = () => new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  if (document.documentElement) start(); else document.addEventListener('DOMContentLoaded', start);
})();`;

/**
 * Every page the tests open watches its language: the data provider's "[untranslated]" lines (a
 * refusal without a reason the console knows), polyglot's missing keys, and English shown where a
 * refusal or a picker's text appears on a Chinese page (WATCH_LANGUAGE). Each is kept in `found`.
 */
function guardLanguage(browser: Browser, found: string[]): void {
  const watch = async (page: Page) => {
    page.on('console', (msg) => {
      const text = msg.text();
      const line = `${page.url()} — ${text}`;
      if ((text.includes('[untranslated]') || text.includes('Missing translation for key')) && !found.includes(line)) found.push(line);
    });
    await page.addInitScript(WATCH_LANGUAGE);
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    await watch(page);
    return page;
  };
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('page', (page) => void watch(page));
    return context;
  };
}

/** The real app (fresh seeded database) on a local port, with the built console, and a browser. */
export async function startConsole(): Promise<Console> {
  if (!fs.existsSync(path.resolve(__dirname, '../dist/index.html'))) throw new Error('admin/dist is missing: run npm run build:admin');
  fs.mkdirSync(SHOTS, { recursive: true });
  // Introspection off, as in production: the console must work from its build-time introspection.
  const t = await startTestApp({ introspection: false });
  const server = t.app.express.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--lang=zh-CN'],
  });
  const untranslated: string[] = [];
  guardLanguage(browser, untranslated);
  return {
    t,
    base,
    browser,
    untranslated,
    async close() {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
      await t.close();
      if (untranslated.length) throw new Error(`The console showed or said untranslated text:\n${untranslated.join('\n')}`);
    },
  };
}

export async function signIn(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/admin/#/login`);
  await page.fill('input[name="username"]', username);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForSelector('text=物业党建联建工作平台');
}

export const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

/** Names of the seats in the roster's block for one role, in display order. */
export async function seatNames(page: Page, role: string): Promise<string[]> {
  await page.waitForSelector(`[data-testid="role-${role}"] [data-testid="seat"]`);
  return page.$$eval(`[data-testid="role-${role}"] [data-testid="seat"] td:nth-child(2) a`, (els) => els.map((e) => e.textContent ?? ''));
}

/**
 * A viewport-only screenshot into admin/test/screenshots (a full-page capture resizes the window for
 * a moment and the sidebar's media query can catch it collapsed). The pictures in admin/docs/ are
 * copied from these.
 */
export async function docShot(page: Page, name: string): Promise<void> {
  // nothing focused or rippling, and colour transitions (MUI's are 300 ms at most) finished
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.mouse.move(0, 0);
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

/** Waits until no notification is on screen (they hide themselves), so a screenshot shows the page alone. */
export const noSnackbar = (page: Page) => page.waitForSelector('.MuiSnackbar-root', { state: 'detached' });

/**
 * Picks an option of the open select, autocomplete or menu and waits until its popup has gone: a
 * MUI select's menu fades out over a backdrop that takes every click until the fade ends, so the
 * next click on the form could land on the backdrop instead (the compound-page flake of stop 25).
 */
export async function choose(page: Page, option: string): Promise<void> {
  await page.click(`li[role="option"]:has-text("${option}")`);
  await page.waitForSelector('.MuiPopover-root:not(.MuiModal-hidden), .MuiAutocomplete-popper', { state: 'detached' });
}
