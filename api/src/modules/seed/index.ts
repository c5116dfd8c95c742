import type { ApiModule } from '../../common/module';
import { SeedRecord } from './seed-record.entity';

/** Which seed files were loaded, and their hashes (seeds/load.ts). */
export const seedModule: ApiModule = {
  name: 'seed',
  entities: [SeedRecord],
};
