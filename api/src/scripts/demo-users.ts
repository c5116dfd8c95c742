import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { In } from 'typeorm';
import { SYSTEM_ACTOR } from '../common/context';
import { Role } from '../common/roles';
import { createDataSource } from '../config/data-source';
import { loadConfig, readEnvFile } from '../config/env';
import { User } from '../modules/auth/user.entity';
import { Jurisdiction } from '../modules/organization/jurisdiction.entity';
import { Unit } from '../modules/organization/unit.entity';
import { createServices } from '../services';

/**
 * `npm run seed:demo-users`: one user per role in three offices of the seeds (青阳街道, its 阳光社区,
 * and 宝盖镇), so a newcomer can sign in as each and see what scoping does. Synthetic, never in
 * seeds/: passwords are random and printed once; run it again and existing users are left alone.
 * Demo accounts are for trying the system out: deactivate them before real use.
 */
const OFFICES = [
  { tag: 'qingyang', jurisdiction: '青阳街道', unit: '社区发展办' },
  { tag: 'yangguang', jurisdiction: '阳光社区', unit: '阳光社区' },
  { tag: 'baogai', jurisdiction: '宝盖镇', unit: '基层治理服务中心' },
];
const ROLES: Array<[Role, string, string]> = [
  [Role.ADMIN, 'admin', '系统管理员'],
  [Role.PARTY_OFFICE, 'office', '党建办'],
  [Role.UNIT_STAFF, 'staff', '责任单位'],
  [Role.AUDITOR, 'auditor', '审计'],
];

async function main(): Promise<void> {
  readEnvFile();
  const config = loadConfig();
  const ds = await createDataSource(config.database);
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    const services = createServices(ds, config);
    const lines: string[] = [];
    for (const office of OFFICES) {
      const jurisdiction = await ds.getRepository(Jurisdiction).findOneBy({ name: office.jurisdiction });
      const unit = jurisdiction && (await ds.getRepository(Unit).findOneBy({ name: office.unit, jurisdictionId: jurisdiction.id }));
      if (!jurisdiction || !unit) throw new Error(`${office.jurisdiction} or its unit ${office.unit} is not in the database: start the server once (it loads the seeds) or run npm run seed`);
      const names = ROLES.map(([, suffix]) => `${office.tag}-${suffix}`);
      const existing = new Set((await ds.getRepository(User).findBy({ username: In(names) })).map((u) => u.username));
      for (const [role, suffix, label] of ROLES) {
        const username = `${office.tag}-${suffix}`;
        if (existing.has(username)) {
          lines.push(`${username.padEnd(20)} exists, left as it is`);
          continue;
        }
        const password = randomBytes(9).toString('base64url');
        await services.user.create(
          { username, displayName: `演示：${office.jurisdiction}${label}`, password, role, jurisdictionId: jurisdiction.id, unitId: role === Role.UNIT_STAFF ? unit.id : null },
          SYSTEM_ACTOR,
        );
        lines.push(`${username.padEnd(20)} ${password}   ${role} of ${office.jurisdiction}${role === Role.UNIT_STAFF ? ` (${office.unit})` : ''}`);
      }
    }
    console.log('Demo users (passwords shown once; deactivate these accounts before real use):');
    for (const line of lines) console.log(`  ${line}`);
  } finally {
    await ds.destroy();
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
