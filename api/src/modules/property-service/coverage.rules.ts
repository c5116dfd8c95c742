import { ManagementMode } from '../organization/enums';

/*
 * 物业服务覆盖 rules (000 附件 四(一) 无物业小区物业服务全覆盖; 003 5 无物业小区清零): a period covers the days from
 * `since` (null: from before records began) to `until` (inclusive; null: still); periods of a compound do
 * not overlap; a compound is covered on a day when the period that day is not 无物业.
 */
export interface Period {
  since: string | null;
  until: string | null;
}

export const spans = (p: Period, day: string): boolean => (p.since === null || p.since <= day) && (p.until === null || p.until >= day);

export const overlaps = (a: Period, b: Period): boolean => (a.since === null || b.until === null || a.since <= b.until) && (b.since === null || a.until === null || b.since <= a.until);

/** How a compound was served on the day: its period's mode, else (no record that day) its mode as recorded on the compound. */
export function modeOn(periods: ReadonlyArray<Period & { mode: ManagementMode }>, day: string, fallback: ManagementMode): ManagementMode {
  if (!periods.length) return fallback;
  return periods.find((p) => spans(p, day))?.mode ?? ManagementMode.NONE;
}

export const covered = (mode: ManagementMode): boolean => mode !== ManagementMode.NONE;
