import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { dbKind } from './db';
import { startTestApp, type TestApp } from './harness';

const run = promisify(execFile);

/** `npm run seed:demo-users` (issue 14 item 8): one user per role for 青阳街道, 阳光社区 and 宝盖镇, each working in its office. */
describe(`demo users (${dbKind()})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const script = () => {
    const db = t.config.database;
    const url = db.kind === 'sqlite' ? `sqlite:${db.file}` : db.url;
    return run(process.execPath, [require.resolve('ts-node/dist/bin.js'), '--transpile-only', path.resolve(__dirname, '../src/scripts/demo-users.ts')], {
      env: { ...process.env, DATABASE_URL: url, JWT_SECRET: t.config.jwtSecret },
      cwd: path.resolve(__dirname, '../..'),
    });
  };

  it('creates twelve users with passwords printed once, each in its office, and leaves them alone the second time', async () => {
    const first = (await script()).stdout;
    const made = [...first.matchAll(/^\s+(\S+-(?:admin|office|staff|auditor))\s+(\S+)\s+(ADMIN|PARTY_OFFICE|UNIT_STAFF|AUDITOR) of (\S+)/gm)];
    expect(made).toHaveLength(12);
    const staff = made.find((m) => m[1] === 'yangguang-staff')!;
    const token = await t.login(staff[1], staff[2]);
    const me = await t.gql('{ me { role jurisdiction { name } unit { name } } }', {}, token);
    expect(me.data.me).toEqual({ role: 'UNIT_STAFF', jurisdiction: { name: '阳光社区' }, unit: { name: '阳光社区' } });
    // the community's staff sees its own compounds only: none of 宝盖镇's users, payouts or rosters
    const office = made.find((m) => m[1] === 'baogai-office')!;
    const baogai = await t.gql('{ allWorkingGroups { name } }', {}, await t.login(office[1], office[2]));
    expect(baogai.data.allWorkingGroups.map((g: { name: string }) => g.name).every((n: string) => !n.startsWith('青阳'))).toBe(true);
    const second = (await script()).stdout;
    expect(second.match(/exists, left as it is/g)).toHaveLength(12);
  }, 120_000);
});
