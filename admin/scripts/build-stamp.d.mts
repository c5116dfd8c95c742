/** Types of build-stamp.mjs (read by admin/vite.config.mts). */
export interface BuildTarget {
  inputs: string[];
  marker: string;
  stamp: string;
}
export const ROOT: string;
export const TARGETS: { api: BuildTarget; admin: BuildTarget };
export function sourcesHash(target: BuildTarget, root?: string): string;
export function isFresh(target: BuildTarget, hash: string, root?: string): boolean;
export function writeStamp(target: BuildTarget, hash: string, root?: string): void;
