import type { ApiModule } from '../../common/module';
import { claimKey } from './idempotency';
import { IdempotencyKey } from './idempotency-key.entity';

export { Replay, withIdempotency } from './idempotency';

/** The refusal reasons its code throws (extensions.reason; see common/reasons.ts). */
const reasons = {
  ALREADY_APPLIED: 'A write with this Idempotency-Key was already applied; its answer cannot be repeated',
  KEY_REUSED: 'This Idempotency-Key was used for a different request',
} as const;

/** 幂等键: a retried write (same Idempotency-Key) is applied once; the schema wrapper is `withIdempotency`. */
export const idempotencyModule: ApiModule = {
  name: 'idempotency',
  entities: [IdempotencyKey],
  // A keyed write claims its key with its audit event, in the write's transaction.
  wire: (services) => services.audit.onRecord(claimKey),
  reasons,
};

declare module '../../common/reasons' {
  interface ModuleReasons extends Record<keyof typeof reasons, true> {}
}
