import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { finalErrors } from '../src/common/format-error';
import { loadConfig, showsStackTraces } from '../src/config/env';
import { startTestApp, type TestApp } from './harness';

/**
 * Stack traces (and the server's file paths in them) never leave the server unless NODE_ENV=development
 * and DEBUG_ERRORS=true, both: not from the admin endpoint, not from the partner endpoint, not from the
 * plain HTTP routes. `npm start` runs in development mode, so development alone must not show them.
 */
const LEAK = /stacktrace|\bat [\w$.<>]+ \(|[\\/](api|node_modules|src|dist)[\\/][^"\s]*\.[jt]s\b/;

describe('stack traces in error answers', () => {
  it('are shown only with NODE_ENV=development and DEBUG_ERRORS=true', () => {
    const secret = 'x'.repeat(32);
    expect(showsStackTraces(loadConfig({}))).toBe(false);
    expect(showsStackTraces(loadConfig({ NODE_ENV: 'development' }))).toBe(false);
    expect(showsStackTraces(loadConfig({ DEBUG_ERRORS: 'true', NODE_ENV: 'test' }))).toBe(false);
    expect(showsStackTraces(loadConfig({ DEBUG_ERRORS: 'true', NODE_ENV: 'production', JWT_SECRET: secret }))).toBe(false);
    expect(showsStackTraces(loadConfig({ DEBUG_ERRORS: 'true' }))).toBe(true);
    expect(showsStackTraces(loadConfig({ DEBUG_ERRORS: 'true', NODE_ENV: 'development' }))).toBe(true);
    expect(() => loadConfig({ DEBUG_ERRORS: 'sometimes' })).toThrow(/DEBUG_ERRORS/);
  });

  /** What the app answers to a bad query on both endpoints, an internal error on both, and an undecodable path. */
  async function answers(t: TestApp): Promise<Record<string, string>> {
    const http = request(t.app.express);
    const out: Record<string, string> = {};
    out.adminParse = (await http.post('/graphql').send({ query: '{ nope' })).text;
    out.adminUnknownField = (await http.post('/graphql').send({ query: '{ noSuchField }' })).text;
    out.partnerParse = (await http.post('/partner/graphql').send({ query: '{ nope' })).text;
    out.partnerNoKey = (await http.post('/partner/graphql').send({ query: '{ __typename }' })).text;
    // a fault inside the server (a bug, a driver error): the sign-in check and the key check throw
    const auth = t.app.services.auth;
    const keys = t.app.services.partnerKey;
    const fault = async () => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    };
    Object.assign(auth, { authenticate: fault });
    Object.assign(keys, { check: fault });
    try {
      out.adminInternal = (await http.post('/graphql').send({ query: '{ __typename }' })).text;
      out.partnerInternal = (await http.post('/partner/graphql').set('x-api-key', 'k'.repeat(40)).send({ query: '{ __typename }' })).text;
    } finally {
      delete (auth as Partial<typeof auth>).authenticate;
      delete (keys as Partial<typeof keys>).check;
    }
    const bad = await http.get('/files/%E0%A4%A');
    expect(bad.status).toBe(400);
    out.httpRoute = bad.text;
    return out;
  }

  describe('NODE_ENV=development (what npm start runs), DEBUG_ERRORS unset', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ config: { env: 'development' }, requestLog: pino({ level: 'silent' }) });
    });
    afterAll(() => t.close());

    it('answers every error without a stack trace or a file path', async () => {
      const out = await answers(t);
      expect(JSON.parse(out.adminParse).errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
      expect(JSON.parse(out.partnerNoKey).errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(JSON.parse(out.adminInternal).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.parse(out.partnerInternal).errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.parse(out.httpRoute).errors[0].extensions.code).toBe('BAD_REQUEST');
      for (const [what, body] of Object.entries(out)) expect({ what, leaks: LEAK.test(body) }).toEqual({ what, leaks: false });
    });
  });

  describe('NODE_ENV=development and DEBUG_ERRORS=true', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ config: { env: 'development', debugErrors: true }, requestLog: pino({ level: 'silent' }) });
    });
    afterAll(() => t.close());

    it('shows the stack traces, on both endpoints and the HTTP routes', async () => {
      const out = await answers(t);
      for (const what of ['adminParse', 'partnerParse', 'partnerNoKey', 'adminInternal', 'partnerInternal', 'httpRoute']) {
        expect({ what, stack: JSON.parse(out[what]).errors[0].extensions.stacktrace?.length > 0 }).toEqual({ what, stack: true });
      }
      expect(out.adminInternal).toMatch(LEAK);
    });
  });

  describe('DEBUG_ERRORS=true outside development', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ config: { env: 'test', debugErrors: true } });
    });
    afterAll(() => t.close());

    it('still keeps them in', async () => {
      for (const [what, body] of Object.entries(await answers(t))) expect({ what, leaks: LEAK.test(body) }).toEqual({ what, leaks: false });
    });
  });

  it('the last error handler answers an unexpected error as JSON, reported, masked, and with the stack only when asked', async () => {
    const reported: unknown[] = [];
    const app = (stack: boolean) =>
      express()
        .get('/boom', () => {
          throw new Error('secret detail of /srv/app/dist/api/src/x.js');
        })
        .use(finalErrors({ stack, report: (err) => reported.push(err) }));
    const masked = await request(app(false)).get('/boom');
    expect(masked.status).toBe(500);
    expect(masked.body).toEqual({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(String(reported[0])).toMatch(/secret detail/);
    const shown = await request(app(true)).get('/boom');
    expect(shown.body.errors[0].extensions.stacktrace[0]).toMatch(/secret detail/);
  });
});
