import type { ApiModule } from '../../common/module';
import { claimKey } from './idempotency';
import { IdempotencyKey } from './idempotency-key.entity';

export { Replay, withIdempotency } from './idempotency';

/** 幂等键: a retried write (same Idempotency-Key) is applied once; the schema wrapper is `withIdempotency`. */
export const idempotencyModule: ApiModule = {
  name: 'idempotency',
  entities: [IdempotencyKey],
  // A keyed write claims its key with its audit event, in the write's transaction.
  wire: (services) => services.audit.onRecord(claimKey),
};
