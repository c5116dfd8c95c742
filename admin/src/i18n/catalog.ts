import { MODULES } from '../modules';
import { buildCatalog } from './build';

/** The console's messages: the shared ones and every module's (admin/src/modules.ts). */
export const { zh, en } = buildCatalog(MODULES.map((m) => m.messages));
