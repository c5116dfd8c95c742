import { Init1763769600000 } from './1763769600000-Init';
import { Tasks1763856000000 } from './1763856000000-Tasks';
import { Indicators1763942400000 } from './1763942400000-Indicators';
import { Incentives1764028800000 } from './1764028800000-Incentives';
import { Ratings1764115200000 } from './1764115200000-Ratings';
import { Publications1764201600000 } from './1764201600000-Publications';
import { Sessions1764374400000 } from './1764374400000-Sessions';
import { AuditImmutable1764460800000 } from './1764460800000-AuditImmutable';
import { IdempotencyKeys1764547200000 } from './1764547200000-IdempotencyKeys';
import { AuditSnapshotSize1764288000000 } from './1764288000000-AuditSnapshotSize';
import { WorkflowSteps1764633600000 } from './1764633600000-WorkflowSteps';
import { Scheduler1765500000003 } from './1765500000003-Scheduler';
import { SeedNotesInChinese1765830000000 } from './1765830000000-SeedNotesInChinese';

import { MODULES } from '../modules';

/**
 * The platform's history: migrations written before modules carried their own, several of them
 * creating tables of many modules at once. New migrations live in their module (`migrations` in its
 * index.ts) and run after these, by timestamp.
 */
const HISTORY = [
  Init1763769600000,
  Tasks1763856000000,
  Indicators1763942400000,
  Incentives1764028800000,
  Ratings1764115200000,
  Publications1764201600000,
  Sessions1764374400000,
  AuditImmutable1764460800000,
  IdempotencyKeys1764547200000,
  AuditSnapshotSize1764288000000,
  WorkflowSteps1764633600000,
];

const timestampOf = (m: Function) => Number(/(\d{13})$/.exec(m.name)?.[1] ?? NaN);

/** Every migration, in order (explicit, so the same list runs from ts-jest and from dist). */
/** The platform's own migrations written since (the scheduler's tables, the seeds' notes in Chinese), run in timestamp order with the modules'. */
const PLATFORM: Function[] = [Scheduler1765500000003, SeedNotesInChinese1765830000000];

export const MIGRATIONS: Function[] = [...HISTORY, ...[...PLATFORM, ...MODULES.flatMap((m) => m.migrations ?? [])].sort((a, b) => timestampOf(a) - timestampOf(b))];
for (const m of MIGRATIONS) if (Number.isNaN(timestampOf(m))) throw new Error(`Migration ${m.name}: its class name must end in its 13-digit timestamp`);
