import { createDataSource } from '../src/config/data-source';
import { dbKind, freshDatabase } from './db';

describe(`migrations (${dbKind()})`, () => {
  it('leave nothing for the entities to change after migration:run on an empty database', async () => {
    const { db, drop } = await freshDatabase();
    const ds = await createDataSource(db);
    try {
      await ds.initialize();
      const ran = await ds.runMigrations();
      expect(ran.length).toBeGreaterThan(0);
      const pending = await ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      // and they can be undone
      for (let i = 0; i < ran.length; i++) await ds.undoLastMigration();
      expect(await ds.createQueryRunner().hasTable('policy_document')).toBe(false);
    } finally {
      if (ds.isInitialized) await ds.destroy();
      await drop();
    }
  });
});
