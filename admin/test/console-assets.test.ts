import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { ADMIN_PASSWORD, startTestApp, type TestApp } from '../../api/test/harness';
import { browserAvailable, startConsole, type Console } from './browser';

/**
 * What a browser downloads before the sign-in form shows, and how: the built console (npm run build:admin)
 * served by the API, compressed (brotli or gzip, written at build time) and split so that the sign-in page
 * loads react-admin, MUI and the messages but not the data provider (Apollo, the schema's introspection),
 * the layout or the console's operations. Before: 2.17 MB of script for the sign-in page, uncompressed.
 */
const DIST = path.resolve(__dirname, '../dist');
/** Limits with some room above what the build gives today (1.29 MB raw, 347 kB brotli). */
const SIGN_IN_RAW = 1_400_000;
const SIGN_IN_BROTLI = 400_000;
const ENTRY_RAW = 50_000;
/** Chunks that belong to the signed-in console only. */
const AFTER_SIGN_IN = /^assets\/(apollo-client|console-operations|ra-data-graphql|graphql)-/;

/** The scripts index.html loads at once: the entry and the modules it imports (modulepreload), as paths under admin/dist. */
function signInScripts(): { entry: string; all: string[] } {
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const entry = /<script type="module" crossorigin src="\/admin\/([^"]+)"/.exec(html)![1];
  const preloads = [...html.matchAll(/<link rel="modulepreload" crossorigin href="\/admin\/([^"]+)"/g)].map((m) => m[1]);
  return { entry, all: [entry, ...preloads] };
}

const size = (file: string) => fs.statSync(path.join(DIST, file)).size;

/** A GET with the raw body (no client-side decoding), so the test sees the bytes as sent. */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

describe('the console’s scripts', () => {
  it('keep the sign-in page small: a small entry, no data provider, under the stated sizes', () => {
    const { entry, all } = signInScripts();
    expect(size(entry)).toBeLessThan(ENTRY_RAW);
    expect(all.filter((f) => AFTER_SIGN_IN.test(f))).toEqual([]);
    const raw = all.reduce((sum, f) => sum + size(f), 0);
    const brotli = all.reduce((sum, f) => sum + (fs.existsSync(path.join(DIST, `${f}.br`)) ? size(`${f}.br`) : size(f)), 0);
    expect(raw).toBeLessThan(SIGN_IN_RAW);
    expect(brotli).toBeLessThan(SIGN_IN_BROTLI);
    // the rest of the console is there, in chunks loaded later
    const scripts = fs.readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js'));
    expect(scripts.filter((f) => AFTER_SIGN_IN.test(`assets/${f}`)).length).toBeGreaterThanOrEqual(3);
  });

  describe('served by the API', () => {
    let t: TestApp;
    let server: http.Server;
    let base: string;
    beforeAll(async () => {
      t = await startTestApp();
      server = t.app.express.listen(0, '127.0.0.1');
      await new Promise((resolve) => server.once('listening', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/admin/`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server.close(resolve));
      await t.close();
    });

    it('compressed as the browser accepts: brotli first, else gzip, else as it is', async () => {
      const { entry, all } = signInScripts();
      const largest = all.reduce((a, b) => (size(a) >= size(b) ? a : b));
      for (const file of [entry, largest]) {
        const original = fs.readFileSync(path.join(DIST, file));
        const br = await get(base + file, { 'accept-encoding': 'gzip, deflate, br' });
        expect(br.status).toBe(200);
        expect(br.headers['content-encoding']).toBe('br');
        expect(br.headers['content-type']).toMatch(/javascript/);
        expect(br.headers.vary).toMatch(/accept-encoding/i);
        expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
        expect(Number(br.headers['content-length'])).toBeLessThan(original.length);
        expect(zlib.brotliDecompressSync(br.body).equals(original)).toBe(true);

        const gz = await get(base + file, { 'accept-encoding': 'gzip, br;q=0' });
        expect(gz.headers['content-encoding']).toBe('gzip');
        expect(zlib.gunzipSync(gz.body).equals(original)).toBe(true);

        const plain = await get(base + file, {});
        expect(plain.headers['content-encoding']).toBeUndefined();
        expect(plain.headers['content-type']).toMatch(/javascript/);
        expect(plain.body.equals(original)).toBe(true);
      }
      expect(size(`${largest}.br`) / size(largest)).toBeLessThan(0.35);
    });

    it('answers a script of an earlier build with 404, not with the page in its place', async () => {
      const gone = await get(`${base}assets/index-0ld8u1ld.js`, { 'accept-encoding': 'br' });
      expect(gone.status).toBe(404);
      expect(gone.headers['content-encoding']).toBeUndefined();
      expect(gone.headers['cache-control'] ?? '').not.toMatch(/immutable/);
      expect((await get(`${base}#/login`, {})).status).toBe(200);
    });
  });

  const inBrowser = browserAvailable() ? describe : describe.skip;
  inBrowser('in Chromium', () => {
    let c: Console;
    beforeAll(async () => {
      c = await startConsole();
    }, 120_000);
    afterAll(() => c?.close());

    it('shows the sign-in form without loading the signed-in console, then loads it on sign-in', async () => {
      const page = await c.browser.newPage({ locale: 'zh-CN' });
      const scripts: string[] = [];
      const encodings = new Set<string>();
      page.on('response', (res) => {
        const url = new URL(res.url());
        if (!url.pathname.endsWith('.js')) return;
        const file = url.pathname.replace('/admin/', '');
        scripts.push(file);
        // the build compresses files of 1 kB and more
        if (size(file) >= 1024) encodings.add(res.headers()['content-encoding'] ?? 'identity');
      });
      await page.goto(`${c.base}/admin/#/login`);
      await page.waitForSelector('input[name="username"]');
      expect(scripts.filter((f) => AFTER_SIGN_IN.test(f))).toEqual([]);
      expect(scripts.reduce((sum, f) => sum + size(f), 0)).toBeLessThan(SIGN_IN_RAW);
      expect([...encodings].filter((e) => e !== 'br' && e !== 'gzip')).toEqual([]);

      await page.fill('input[name="username"]', 'admin');
      await page.fill('input[name="password"]', ADMIN_PASSWORD);
      await page.click('button[type="submit"]');
      await page.waitForSelector('text=物业党建联建工作平台');
      expect(scripts.filter((f) => AFTER_SIGN_IN.test(f)).length).toBeGreaterThanOrEqual(2);
      await page.close();
    });
  });
});
