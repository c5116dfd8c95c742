import { MODULES } from './modules';

/** Every entity, as the modules declare them (api/src/modules/<name>/index.ts). */
export const ENTITIES: Function[] = MODULES.flatMap((m) => m.entities ?? []);

/** Every module's TypeORM subscribers (the platform's own are added in config/data-source.ts). */
export const MODULE_SUBSCRIBERS: Function[] = MODULES.flatMap((m) => m.subscribers ?? []);
