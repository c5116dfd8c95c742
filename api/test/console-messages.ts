import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog } from '../../admin/src/i18n/build';
import type { Messages } from '../../admin/src/i18n/messages';

/*
 * The console's messages as the app merges them (admin/src/i18n/catalog.ts), for tests that run in
 * Node: every module's messages.ts, found on disk rather than through admin/src/modules.ts, whose
 * module files load their screens (TSX) lazily.
 */
const RESOURCES = join(__dirname, '..', '..', 'admin', 'src', 'resources');
const modules: Messages[] = readdirSync(RESOURCES)
  .filter((name) => existsSync(join(RESOURCES, name, 'messages.ts')))
  .sort()
  .map((name) => (require(join(RESOURCES, name, 'messages.ts')) as { messages: Messages }).messages);

export const { zh, en } = buildCatalog(modules);

/** Names a Chinese message may spell in Latin letters (file kinds, units, the web's schemes): the catalog test and the browser tests' language guard both allow them. */
export const TECHNICAL_NAMES = /\b(https?|JPEG|PNG|WebP|GIF|PDF|Office|Excel|xlsx|MB|KB)\b/g;
