import { addDays } from '../../common/dates';
import { ComplaintTimeliness } from './complaint.enums';

/*
 * 办理时限 (004 二(三): 简单的问题当天收件、当天处置; 复杂的问题当天做好解释, 及时提请…会商处置):
 * a complaint's limit is a number of days after its receipt, 0 for a simple one (due the day it came).
 * It is disposed (处置) when the unit records what it did (办结), or when it is closed without being
 * accepted (不予受理, with a reason); sent back for redoing (退回重办), it is not disposed until handled
 * again. Handled after its due day, it is late; not disposed and past its due day, overdue. The
 * follow-up close (回访关闭) after handling does not move the day it was disposed.
 */

/** The longest limit a complaint may be given (a 信访 matter's 60 days, with room for an extension). */
export const MAX_TIME_LIMIT_DAYS = 90;

export const dueOn = (receivedOn: string, timeLimitDays: number): string => addDays(receivedOn, timeLimitDays);

export function timeliness(c: { dueOn: string; disposedOn: string | null }, asOf: string): ComplaintTimeliness {
  if (c.disposedOn !== null && c.disposedOn <= asOf) return c.disposedOn <= c.dueOn ? ComplaintTimeliness.ON_TIME : ComplaintTimeliness.LATE;
  return asOf > c.dueOn ? ComplaintTimeliness.OVERDUE : ComplaintTimeliness.WITHIN_LIMIT;
}

/**
 * The same day a year before (29 February → 28 February): the year-on-year comparison counts the
 * complaints from 1 January to this day of the year before.
 */
export function sameDayLastYear(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
