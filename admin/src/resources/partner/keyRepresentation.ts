import type { RaRecord } from 'react-admin';

/** A key as references show it: its name and the prefix that identifies it (never the secret). */
export const keyRepresentation = (r: RaRecord) => `${r.name}（${r.prefix}）`;
