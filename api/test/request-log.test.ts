import { Writable } from 'node:stream';
import express from 'express';
import pino from 'pino';
import request from 'supertest';
import { requestLog } from '../src/common/request-log';

/*
 * The request log's line (common/request-log.ts, written without pino-http since issue 18): one line a
 * request of the API's paths, at info, warn for a 4xx, error with "request failed" and an err for a
 * 5xx; nothing built below the level; the X-Request-Id sent back. The fields of a GraphQL request's
 * line (user, operation, cost, statements) are checked in query-limits.test.ts.
 */
class Lines extends Writable {
  lines: Array<Record<string, any>> = [];
  _write(chunk: Buffer, _enc: string, done: () => void): void {
    for (const line of chunk.toString().split('\n').filter(Boolean)) this.lines.push(JSON.parse(line));
    done();
  }
}

function app(level: string, out: Lines) {
  const a = express();
  a.use(requestLog(pino({ level, base: undefined }, out)));
  a.post('/graphql', (req, res) => {
    const status = Number(req.query.status ?? 200);
    if (req.query.log) req.log?.warn('from the handler');
    res.status(status).json({ status });
  });
  a.get('/assets/x.js', (_req, res) => res.send('x'));
  return a;
}

describe('request log', () => {
  it('writes a line per API request at the level its status says, a 5xx as a failed request with its err', async () => {
    const out = new Lines();
    const a = app('info', out);
    for (const status of [200, 404, 500, 503]) await request(a).post(`/graphql?status=${status}&secret=x`).set('x-request-id', `id-${status}`);
    await request(a).get('/assets/x.js');
    expect(out.lines.map((l) => [l.level, l.msg, l.reqId, l.req.path, l.res.status, typeof l.responseTime, l.err?.message ?? null])).toEqual([
      [30, 'request', 'id-200', '/graphql', 200, 'number', null],
      [40, 'request', 'id-404', '/graphql', 404, 'number', null],
      [50, 'request failed', 'id-500', '/graphql', 500, 'number', 'failed with status code 500'],
      [50, 'request failed', 'id-503', '/graphql', 503, 'number', 'failed with status code 503'],
    ]);
    expect(JSON.stringify(out.lines)).not.toContain('secret');
  });

  it('writes nothing below its level, sends the request id back, and gives handlers a logger bound to it', async () => {
    const out = new Lines();
    const a = app('warn', out);
    const ok = await request(a).post('/graphql').set('x-request-id', 'keep-me');
    expect(ok.headers['x-request-id']).toBe('keep-me');
    const fresh = await request(a).post('/graphql').set('x-request-id', 'not a sane id!');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.lines).toEqual([]);
    await request(a).post('/graphql?log=1').set('x-request-id', 'handler');
    expect(out.lines.map((l) => [l.level, l.msg, l.reqId])).toEqual([[40, 'from the handler', 'handler']]);
  });
});
