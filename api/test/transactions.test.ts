import { SYSTEM_ACTOR } from '../src/common/context';
import { Jurisdiction } from '../src/modules/organization/jurisdiction.entity';
import { AuditEvent } from '../src/modules/audit/audit-event.entity';
import { startTestApp, type TestApp } from './harness';

/**
 * Transactions compose: a service called inside another's transaction joins it (one commit, one
 * rollback), on both databases. Before, a nested run on SQLite queued behind its own outer
 * transaction and never finished: every call here is raced against a timer so a hang fails the test.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ seed: false });
});
afterAll(() => t.close());

const within = <T>(p: Promise<T>, ms = 10_000): Promise<T> =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`did not finish within ${ms} ms (a nested transaction waiting for itself?)`)), ms).unref())]);

const names = async (prefix: string) =>
  (
    await t.app.ds
      .getRepository(Jurisdiction)
      .createQueryBuilder('j')
      .where('j.name LIKE :p', { p: `${prefix}%` })
      .orderBy('j.name')
      .getMany()
  ).map((j) => j.name);

const createCity = (name: string) => t.app.services.jurisdiction.create({ name, level: 'CITY', parentId: null }, SYSTEM_ACTOR);

test('a nested run joins the outer transaction: same manager, and it finishes', async () => {
  const { tx } = t.app.services;
  expect(tx.inTransaction).toBe(false);
  const seen = await within(
    tx.run(async (outer) => {
      expect(tx.inTransaction).toBe(true);
      expect(tx.manager).toBe(outer);
      return tx.run(async (inner) => tx.run(async (innermost) => [inner === outer, innermost === outer]));
    }),
  );
  expect(seen).toEqual([true, true]);
  expect(tx.inTransaction).toBe(false);
});

test('services composed in one transaction commit together', async () => {
  const { tx } = t.app.services;
  await within(
    tx.run(async () => {
      await createCity('组合甲市');
      await createCity('组合乙市');
    }),
  );
  expect(await names('组合')).toEqual(['组合乙市', '组合甲市'].sort());
});

test('a failure after a nested service call rolls back that call too (rows and audit events)', async () => {
  const { tx } = t.app.services;
  const auditBefore = await t.app.ds.getRepository(AuditEvent).count();
  await expect(
    within(
      tx.run(async () => {
        await createCity('回滚甲市');
        await createCity('回滚乙市');
        throw new Error('the outer work fails after both nested writes');
      }),
    ),
  ).rejects.toThrow('the outer work fails');
  expect(await names('回滚')).toEqual([]);
  expect(await t.app.ds.getRepository(AuditEvent).count()).toBe(auditBefore);
});

test('a nested service refusal fails the whole transaction', async () => {
  const { tx } = t.app.services;
  await expect(
    within(
      tx.run(async () => {
        await createCity('拒绝甲市');
        // a parent that does not exist: the service refuses it, naming the field
        await t.app.services.jurisdiction.create({ name: '拒绝乙街道', level: 'STREET', parentId: 999_999 }, SYSTEM_ACTOR);
      }),
    ),
  ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'parentId' } });
  expect(await names('拒绝')).toEqual([]);
});

test('independent transactions started together do not join each other, and both commit', async () => {
  const { tx } = t.app.services;
  const ems = await within(
    Promise.all(
      ['并行甲市', '并行乙市', '并行丙市'].map((name) =>
        tx.run(async (em) => {
          await createCity(name);
          return em;
        }),
      ),
    ),
  );
  expect(new Set(ems).size).toBe(3);
  expect(await names('并行')).toEqual(['并行丙市', '并行乙市', '并行甲市'].sort());
});
