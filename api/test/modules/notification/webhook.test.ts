import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { todayInChina } from '../../../src/common/dates';
import { Role } from '../../../src/common/roles';
import { ConfigError, loadConfig } from '../../../src/config/env';
import { notify } from '../../../src/modules/notification';
import { NotificationDeliveries } from '../../../src/modules/notification/notification.deliveries';
import { dbKind } from '../../db';
import { startTestApp, type TestApp } from '../../harness';

const SECRET = 'a-shared-secret-of-at-least-32-characters';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: any;
  /** Whether the signature checks out, computed here as a receiver would (not with the API's code). */
  signed: boolean;
}

/** A receiver on a local port: records every request and answers as `answer` says (a status, or never). */
class Receiver {
  received: Received[] = [];
  answer: (n: number) => number | 'hang' = () => 200;
  private server!: Server;
  private hanging: Array<() => void> = [];

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const timestamp = String(req.headers['x-wydj-timestamp']);
        const expected = Buffer.from(`sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`);
        const given = Buffer.from(String(req.headers['x-wydj-signature'] ?? ''));
        this.received.push({ headers: req.headers, body, json: JSON.parse(body), signed: given.length === expected.length && timingSafeEqual(given, expected) });
        const answer = this.answer(this.received.length);
        if (answer === 'hang') return void this.hanging.push(() => res.destroy());
        res.writeHead(answer, { 'content-type': 'text/plain' }).end(answer < 300 ? 'ok' : 'no');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/notify`;
  }

  reset(answer: (n: number) => number | 'hang'): void {
    this.received = [];
    this.answer = answer;
  }

  async stop(): Promise<void> {
    for (const h of this.hanging) h();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

/** Waits until `ready` holds (the worker runs in the background), at most `ms`. */
async function until(ready: () => boolean | Promise<boolean>, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The outgoing webhook: signed JSON after the commit, retried with backoff by an injectable clock, given up after N (both databases). */
describe(`notification webhook (${dbKind()})`, () => {
  const receiver = new Receiver();
  let t: TestApp;
  let staff: { id: string; token: string };
  let unitId: string;
  let clockAt: Date | null = null;
  const deliveries = () => t.app.services.notificationDeliveries;

  beforeAll(async () => {
    const url = await receiver.start();
    t = await startTestApp({
      config: { notificationWebhook: { url, secret: SECRET, maxAttempts: 4, retrySeconds: 30, timeoutMs: 800, pollSeconds: 0, consoleUrl: 'https://wydj.example.gov.cn/admin/' } },
    });
    const admin = await t.adminToken();
    const j = (await t.gql('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }', {}, admin)).data.allJurisdictions[0].id;
    unitId = (await t.gql(`{ allUnits(perPage: 1, filter: { jurisdictionId: "${j}" }) { id } }`, {}, admin)).data.allUnits[0].id;
    staff = await t.createUser({ username: 'hook_staff', displayName: '网格员小王', role: Role.UNIT_STAFF, unitId });
    deliveries().clock = () => clockAt ?? new Date();
  });
  beforeEach(async () => {
    clockAt = null;
    // what an earlier test left due is not this test's business
    await t.app.ds.query("UPDATE notification_delivery SET status = 'FAILED', nextAttemptAt = NULL WHERE status = 'PENDING'");
  });
  afterAll(async () => {
    await t?.close();
    await receiver.stop();
  });

  const send = (summary: string, fail?: Error) =>
    t.app.services.tx.run(async (em) => {
      const [n] = await notify(em, {
        recipients: { users: [Number(staff.id)] },
        kind: 'COMPLAINT_ASSIGNED',
        params: { summary, date: todayInChina() },
        body: '请三日内办结',
        link: '#/Complaint/7/show',
        entityType: 'Complaint',
        entityId: 7,
      });
      if (fail) throw fail;
      return n;
    });
  const deliveryOf = async (notificationId: number) =>
    (await t.app.ds.query('SELECT id, status, attempts, nextAttemptAt, lastError, deliveredAt FROM notification_delivery WHERE notificationId = ?', [notificationId]))[0];
  const at = (iso: string, plusSeconds = 0) => new Date(Date.parse(iso) + plusSeconds * 1000);
  /** A DATETIME as the driver returns it raw: a Date (MySQL) or UTC text without a zone (SQLite). */
  const timeOf = (v: Date | string) => (v instanceof Date ? v.getTime() : Date.parse(`${v.replace(' ', 'T')}Z`));

  it('POSTs the notification as JSON signed with HMAC-SHA256 over timestamp and body, after the transaction commits', async () => {
    receiver.reset(() => 200);
    let inside = -1;
    const n = await t.app.services.tx.run(async (em) => {
      const [row] = await notify(em, {
        recipients: { users: [Number(staff.id)] },
        kind: 'COMPLAINT_ASSIGNED',
        params: { summary: '楼道堆物', date: '2026-02-02' },
        link: '#/Complaint/7/show',
        entityType: 'Complaint',
        entityId: 7,
      });
      await new Promise((r) => setTimeout(r, 100));
      inside = receiver.received.length;
      return row;
    });
    expect(inside).toBe(0);
    await until(() => receiver.received.length === 1);
    const [got] = receiver.received;
    expect(got.signed).toBe(true);
    expect(got.headers['content-type']).toBe('application/json');
    expect(Math.abs(Number(got.headers['x-wydj-timestamp']) - Date.now() / 1000)).toBeLessThan(60);
    expect(got.headers['x-wydj-attempt']).toBe('1');
    expect(got.json).toMatchObject({
      event: 'notification',
      attempt: 1,
      notification: {
        id: n.id,
        kind: 'COMPLAINT_ASSIGNED',
        params: { summary: '楼道堆物', date: '2026-02-02' },
        title: '投诉转办：楼道堆物（2026-02-02）',
        link: '#/Complaint/7/show',
        url: 'https://wydj.example.gov.cn/admin/#/Complaint/7/show',
        entityType: 'Complaint',
        entityId: '7',
      },
      recipient: { id: Number(staff.id), username: 'hook_staff', displayName: '网格员小王', role: 'UNIT_STAFF', unitId: Number(unitId) },
    });
    expect(String(got.json.deliveryId)).toBe(got.headers['x-wydj-delivery']);
    // a body changed on the way no longer matches its signature
    const forged = got.body.replace('楼道堆物', '楼道清洁');
    expect(createHmac('sha256', SECRET).update(`${got.headers['x-wydj-timestamp']}.${forged}`).digest('hex')).not.toBe(String(got.headers['x-wydj-signature']).slice(7));
    await until(async () => (await deliveryOf(n.id)).status === 'DELIVERED');
    expect(await deliveryOf(n.id)).toMatchObject({ attempts: 1, lastError: null, nextAttemptAt: null });
  });

  it('retries a receiver that fails twice, waiting 30 s then 60 s, and delivers on the third attempt', async () => {
    const t0 = '2026-03-01T00:00:00.000Z';
    clockAt = at(t0);
    receiver.reset((k) => (k <= 2 ? 503 : 200));
    const n = await send('电梯故障');
    await deliveries().runOnce(); // after the pass the commit started
    expect(receiver.received).toHaveLength(1);
    expect(await deliveryOf(n.id)).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'HTTP 503 Service Unavailable' });

    clockAt = at(t0, 29);
    expect(await deliveries().runOnce()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    clockAt = at(t0, 30);
    expect(await deliveries().runOnce()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    expect(receiver.received).toHaveLength(2);
    clockAt = at(t0, 89);
    expect(await deliveries().runOnce()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    clockAt = at(t0, 90);
    expect(await deliveries().runOnce()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(receiver.received.map((r) => [r.headers['x-wydj-attempt'], r.headers['x-wydj-delivery'], r.signed])).toEqual([
      ['1', receiver.received[0].headers['x-wydj-delivery'], true],
      ['2', receiver.received[0].headers['x-wydj-delivery'], true],
      ['3', receiver.received[0].headers['x-wydj-delivery'], true],
    ]);
    const row = await deliveryOf(n.id);
    expect(row).toMatchObject({ status: 'DELIVERED', attempts: 3, lastError: null, nextAttemptAt: null });
    expect(timeOf(row.deliveredAt)).toBe(at(t0, 90).getTime());
  });

  it('gives up after the last of 4 attempts (waits of 30, 60 and 120 s) and keeps the error', async () => {
    const t0 = '2026-03-02T08:00:00.000Z';
    clockAt = at(t0);
    receiver.reset(() => 500);
    const n = await send('路灯不亮');
    await deliveries().runOnce();
    for (const [s, expected] of [
      [30, { retrying: 1, failed: 0 }],
      [90, { retrying: 1, failed: 0 }],
      [209, { retrying: 0, failed: 0 }],
      [210, { retrying: 0, failed: 1 }],
    ] as const) {
      clockAt = at(t0, s);
      expect(await deliveries().runOnce()).toEqual({ delivered: 0, ...expected });
    }
    expect(receiver.received).toHaveLength(4);
    expect(await deliveryOf(n.id)).toMatchObject({ status: 'FAILED', attempts: 4, lastError: 'HTTP 500 Internal Server Error', nextAttemptAt: null, deliveredAt: null });
    clockAt = at(t0, 86_400 * 10);
    await deliveries().runOnce();
    expect(receiver.received).toHaveLength(4);
    // the in-app notification is there all along
    const mine = await t.gql('{ myNotifications(perPage: 1) { title body } }', {}, staff.token);
    expect(mine.data.myNotifications[0]).toEqual({ title: expect.stringContaining('路灯不亮'), body: '请三日内办结' });
  });

  it('holds up no request while the receiver does not answer, and counts the silence as a failed attempt', async () => {
    receiver.reset(() => 'hang');
    const admin = await t.adminToken();
    const j = (await t.gql('{ allJurisdictions(filter: { q: "阳光社区" }) { id } }', {}, admin)).data.allJurisdictions[0].id;
    const compound = (await t.gql(`mutation { createCompound(name: "静默小区", communityId: "${j}", managementMode: NONE) { id } }`, {}, admin)).data.createCompound;
    const complaint = (
      await t.gql(
        `mutation { createComplaint(compoundId: "${compound.id}", channel: PHONE, category: DRAINAGE, summary: "水管漏水", receivedOn: "2026-02-01", assignedUnitId: "${unitId}") { id } }`,
        {},
        admin,
      )
    ).data.createComplaint;
    const started = Date.now();
    const moved = await t.gql(`mutation { advanceComplaint(id: "${complaint.id}", to: ASSIGNED, date: "2026-02-02") { status } }`, {}, admin);
    const took = Date.now() - started;
    expect(moved.data.advanceComplaint.status).toBe('ASSIGNED');
    expect(took).toBeLessThan(800);
    await until(() => receiver.received.length === 1);
    const id = Number(receiver.received[0].json.notification.id);
    await until(async () => (await deliveryOf(id)).lastError !== null);
    expect(await deliveryOf(id)).toMatchObject({ status: 'PENDING', attempts: 1, lastError: 'no answer within 800 ms' });
  });

  it('sends nothing for a notification whose transaction rolled back', async () => {
    receiver.reset(() => 200);
    await expect(send('回滚的提醒', new Error('the event failed'))).rejects.toThrow('the event failed');
    await deliveries().runOnce();
    expect(receiver.received).toHaveLength(0);
    expect(Number((await t.app.ds.query("SELECT COUNT(*) AS n FROM notification WHERE title LIKE '%回滚的提醒%'"))[0].n)).toBe(0);
  });

  it('makes one attempt at a time when two processes look at the same outbox', async () => {
    clockAt = at('2026-03-03T00:00:00.000Z');
    receiver.reset(() => 'hang');
    const n = await send('两个进程');
    await until(() => receiver.received.length === 1);
    // a second process on the same database, with its own worker
    const other = new NotificationDeliveries(
      t.app.ds,
      (name) => t.app.services.notification.channel(name),
      { maxAttempts: 4, retrySeconds: 30, timeoutMs: 800, pollSeconds: 0 },
      () => undefined,
    );
    other.clock = () => clockAt!;
    receiver.answer = () => 200;
    expect(await other.runOnce()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    await deliveries().runOnce(); // the first attempt times out: due again 30 s later
    clockAt = at('2026-03-03T00:00:30.000Z');
    const [a, b] = await Promise.all([other.runOnce(), deliveries().runOnce()]);
    expect(a.delivered + b.delivered).toBe(1);
    expect(receiver.received).toHaveLength(2);
    expect(await deliveryOf(n.id)).toMatchObject({ status: 'DELIVERED', attempts: 2 });
    await other.stop();
  });
});

describe('notification webhook settings', () => {
  const base = { NODE_ENV: 'test' };
  it('is off without a URL, and needs an http(s) URL and a secret of 32 characters', () => {
    expect(loadConfig(base).notificationWebhook).toBeUndefined();
    expect(() => loadConfig({ ...base, NOTIFY_WEBHOOK_URL: 'https://hooks.example/x' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...base, NOTIFY_WEBHOOK_URL: 'https://hooks.example/x', NOTIFY_WEBHOOK_SECRET: 'short' })).toThrow(/NOTIFY_WEBHOOK_SECRET/);
    expect(() => loadConfig({ ...base, NOTIFY_WEBHOOK_URL: 'ftp://hooks.example/x', NOTIFY_WEBHOOK_SECRET: SECRET })).toThrow(/NOTIFY_WEBHOOK_URL/);
    expect(() => loadConfig({ ...base, NOTIFY_WEBHOOK_URL: 'https://hooks.example/x', NOTIFY_WEBHOOK_SECRET: SECRET, NOTIFY_WEBHOOK_MAX_ATTEMPTS: '0' })).toThrow(/NOTIFY_WEBHOOK_MAX_ATTEMPTS/);
    expect(loadConfig({ ...base, NOTIFY_WEBHOOK_URL: 'https://hooks.example/x', NOTIFY_WEBHOOK_SECRET: SECRET }).notificationWebhook).toEqual({
      url: 'https://hooks.example/x',
      secret: SECRET,
      maxAttempts: 8,
      retrySeconds: 30,
      timeoutMs: 5000,
      pollSeconds: 15,
      consoleUrl: undefined,
    });
  });
});
