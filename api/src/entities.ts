import { MODULES } from './modules';

/** Every entity, as the modules declare them (api/src/modules/<name>/index.ts). */
export const ENTITIES: Function[] = MODULES.flatMap((m) => m.entities ?? []);
