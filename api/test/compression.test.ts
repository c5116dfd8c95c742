import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { COMPRESSION_THRESHOLD } from '../src/app';
import { loadConfig } from '../src/config/env';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The bytes as they came over the wire, not decoded (supertest would gunzip them). */
  body: Buffer;
}

/** One request over a real socket, with exactly the headers given (no Accept-Encoding unless asked). */
function raw(server: http.Server, method: string, url: string, headers: Record<string, string>, body?: unknown): Promise<Raw> {
  const { port } = server.address() as AddressInfo;
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: url, headers: { ...headers, ...(payload ? { 'content-type': 'application/json', 'content-length': String(payload.length) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const listen = (t: TestApp) =>
  new Promise<http.Server>((resolve) => {
    const server = http.createServer(t.app.express).listen(0, '127.0.0.1', () => resolve(server));
  });

const LARGE = '{ allUnits(perPage: 100) { id name kind aliases jurisdictionId createdAt updatedAt jurisdiction { name } } }';
const SMALL = '{ __typename }';
/** A built console's file: text, well above the threshold, and its .gz as the build writes it. */
const SCRIPT = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: "单位${i}" }`).join(', ')}];\n`;

describe(`response compression (${dbKind()})`, () => {
  let on: TestApp;
  let off: TestApp;
  let onServer: http.Server;
  let offServer: http.Server;
  let admin: string;
  let partnerKey: string;
  let consoleDir: string;

  const gql = (server: http.Server, query: string, headers: Record<string, string> = {}, url = '/graphql') => raw(server, 'POST', url, headers, { query });

  beforeAll(async () => {
    consoleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wydj-console-'));
    fs.mkdirSync(path.join(consoleDir, 'assets'));
    fs.writeFileSync(path.join(consoleDir, 'index.html'), '<!doctype html><title>console</title>');
    fs.writeFileSync(path.join(consoleDir, 'assets', 'app-1a2b3c.js'), SCRIPT);
    fs.writeFileSync(path.join(consoleDir, 'assets', 'app-1a2b3c.js.gz'), zlib.gzipSync(SCRIPT));
    on = await startTestApp({ config: { adminDir: consoleDir } });
    off = await startTestApp({ config: { adminDir: consoleDir, compression: false } });
    [onServer, offServer] = await Promise.all([listen(on), listen(off)]);
    admin = await on.adminToken();
    const issued = await on.gql('mutation { issuePartnerKey(name: "压缩测试", note: "test") { secret } }', {}, admin);
    partnerKey = issued.data.issuePartnerKey.secret;
  });

  afterAll(async () => {
    await new Promise((r) => onServer?.close(r));
    await new Promise((r) => offServer?.close(r));
    await on?.close();
    await off?.close();
    fs.rmSync(consoleDir, { recursive: true, force: true });
  });

  it('is on by default and turned off by COMPRESSION=off', () => {
    expect(loadConfig({}).compression).toBe(true);
    expect(loadConfig({ COMPRESSION: 'off' }).compression).toBe(false);
    expect(loadConfig({ COMPRESSION: 'false' }).compression).toBe(false);
    expect(() => loadConfig({ COMPRESSION: 'gzip' })).toThrow(/COMPRESSION/);
  });

  it('gzips a large GraphQL answer when asked, byte for byte the uncompressed one', async () => {
    const auth = { authorization: `Bearer ${admin}` };
    const plain = await gql(onServer, LARGE, auth);
    expect(plain.status).toBe(200);
    expect(JSON.parse(plain.body.toString()).data.allUnits.length).toBeGreaterThan(10);
    expect(plain.body.length).toBeGreaterThan(2 * COMPRESSION_THRESHOLD);
    expect(plain.headers['content-encoding']).toBeUndefined();
    // the answer depends on Accept-Encoding, so caches keep the two apart even when this one was not compressed
    expect(plain.headers.vary).toMatch(/accept-encoding/i);

    const gzipped = await gql(onServer, LARGE, { ...auth, 'accept-encoding': 'gzip' });
    expect(gzipped.status).toBe(200);
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers.vary).toMatch(/accept-encoding/i);
    expect(gzipped.headers['content-type']).toBe(plain.headers['content-type']);
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(zlib.gunzipSync(gzipped.body).equals(plain.body)).toBe(true);

    // brotli where the client accepts it (a browser sends "gzip, deflate, br, zstd")
    const br = await gql(onServer, LARGE, { ...auth, 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).equals(plain.body)).toBe(true);

    // identity only: as it is
    const identity = await gql(onServer, LARGE, { ...auth, 'accept-encoding': 'identity' });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.body.equals(plain.body)).toBe(true);
  });

  it('sends a small answer as it is', async () => {
    const small = await gql(onServer, SMALL, { authorization: `Bearer ${admin}`, 'accept-encoding': 'gzip, br' });
    expect(small.status).toBe(200);
    expect(small.body.length).toBeLessThan(COMPRESSION_THRESHOLD);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString())).toEqual({ data: { __typename: 'Query' } });
  });

  it('compresses the partner endpoint too', async () => {
    const query = '{ __schema { types { name description } } }';
    const plain = await gql(onServer, query, { 'x-api-key': partnerKey }, '/partner/graphql');
    expect(plain.status).toBe(200);
    expect(plain.body.length).toBeGreaterThan(2 * COMPRESSION_THRESHOLD);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const gzipped = await gql(onServer, query, { 'x-api-key': partnerKey, 'accept-encoding': 'gzip' }, '/partner/graphql');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    // a refusal (no key) is small: as it is
    const refused = await gql(onServer, '{ __typename }', { 'accept-encoding': 'gzip' }, '/partner/graphql');
    expect(refused.status).toBe(401);
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('leaves a printed PDF as it is (already compressed inside)', async () => {
    const jurisdictions = await on.gql('{ allJurisdictions(filter: { q: "青阳街道" }) { id name } }', {}, admin);
    const qingyang = jurisdictions.data.allJurisdictions.find((j: { name: string }) => j.name === '青阳街道').id;
    const pdf = await raw(onServer, 'GET', `/bulletin.pdf?jurisdictionId=${qingyang}&asOf=2024-12-31`, { authorization: `Bearer ${admin}`, 'accept-encoding': 'gzip, deflate, br' });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toMatch(/^application\/pdf/);
    expect(pdf.body.length).toBeGreaterThan(COMPRESSION_THRESHOLD);
    expect(pdf.headers['content-encoding']).toBeUndefined();
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Number(pdf.headers['content-length'])).toBe(pdf.body.length);
    expect(pdf.headers['x-content-type-options']).toBe('nosniff');
  });

  it('compresses a printable page (roster) and keeps its security headers', async () => {
    const groups = await on.gql('{ allWorkingGroups(perPage: 1) { id } }', {}, admin);
    const url = `/print/roster/${groups.data.allWorkingGroups[0].id}`;
    const plain = await raw(onServer, 'GET', url, { authorization: `Bearer ${admin}` });
    expect(plain.status).toBe(200);
    expect(plain.body.length).toBeGreaterThan(COMPRESSION_THRESHOLD);
    const gz = await raw(onServer, 'GET', url, { authorization: `Bearer ${admin}`, 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.body).equals(plain.body)).toBe(true);
    for (const header of ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'cache-control', 'content-type']) {
      expect([header, gz.headers[header]]).toEqual([header, plain.headers[header]]);
      expect(gz.headers[header]).toBeTruthy();
    }
  });

  it('serves the console’s precompressed file once compressed, and compresses the others, caching headers kept', async () => {
    const url = '/admin/assets/app-1a2b3c.js';
    const gz = await raw(onServer, 'GET', url, { 'accept-encoding': 'gzip' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    // the build's .gz as it is: one gunzip gives the script (compressing it again would need two)
    expect(zlib.gunzipSync(gz.body).toString()).toBe(SCRIPT);
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gz.headers.vary).toMatch(/accept-encoding/i);

    // no .br beside it: express.static sends the script and it is compressed on the way
    const br = await raw(onServer, 'GET', url, { 'accept-encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString()).toBe(SCRIPT);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const plain = await raw(onServer, 'GET', url, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('never compresses with the setting off', async () => {
    const token = await off.adminToken();
    const large = await gql(offServer, LARGE, { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br' });
    expect(large.status).toBe(200);
    expect(large.body.length).toBeGreaterThan(2 * COMPRESSION_THRESHOLD);
    expect(large.headers['content-encoding']).toBeUndefined();
    expect(large.headers.vary ?? '').not.toMatch(/accept-encoding/i);
    expect(JSON.parse(large.body.toString()).data.allUnits.length).toBeGreaterThan(10);
    const script = await raw(offServer, 'GET', '/admin/assets/app-1a2b3c.js', { 'accept-encoding': 'br' });
    expect(script.headers['content-encoding']).toBeUndefined();
    expect(script.body.toString()).toBe(SCRIPT);
  });
});
