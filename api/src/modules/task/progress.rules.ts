import type { Actor } from '../../common/context';
import { addDays, assertPastDate, daysBetween, todayInChina } from '../../common/dates';
import { badInput } from '../../common/errors';
import { Role } from '../../common/roles';
import type { Assignment } from './assignment.entity';

/*
 * When a progress report may be dated. Every "as of" answer (overdue, due soon, roll-ups, an
 * assignment's status) is computed from the reports dated on or before that day, so a report dated in
 * the past rewrites what those answers said about the past. Units therefore report recent facts only:
 * at most `limitDays` back (PROGRESS_BACKDATE_DAYS, 31 by default). An older fact is a correction an
 * ADMIN makes, and its audit event says so (action PROGRESS_BACKDATED, `backdated` in `after`). No one
 * dates a report before the assignment existed: nothing could be reported on it then.
 */

/** Stable reasons of a refused report date (extensions.reason). */
export const ProgressReason = {
  BEFORE_ASSIGNMENT: 'BEFORE_ASSIGNMENT',
  BACKDATED: 'BACKDATED',
} as const;

/** How far back an accepted report is dated, when further than the limit (an ADMIN correction). */
export interface Backdating {
  days: number;
  limitDays: number;
}

/** The day (China) the assignment was created: the earliest a report on it may be dated. */
export const assignedOn = (assignment: Assignment): string => todayInChina(assignment.createdAt);

/**
 * Refuses a report date in the future, before the assignment existed, or (except for an ADMIN) more
 * than `limitDays` back; all BAD_USER_INPUT on `reportDate`. Returns the backdating of an ADMIN's
 * correction, or null for an ordinary report.
 */
export function checkReportDate(reportDate: string, assignment: Assignment, actor: Actor, limitDays: number, today = todayInChina(), field = 'reportDate'): Backdating | null {
  assertPastDate(reportDate, field, today);
  const earliest = assignedOn(assignment);
  if (reportDate < earliest) {
    throw badInput(field, `${field} ${reportDate} is before the assignment existed (it was created on ${earliest})`, ProgressReason.BEFORE_ASSIGNMENT, { earliest });
  }
  const backdating = backdatingOf(reportDate, limitDays, today);
  if (backdating && actor.user?.role !== Role.ADMIN) {
    const from = [addDays(today, -limitDays), earliest].sort().at(-1)!;
    throw badInput(
      field,
      `${field} ${reportDate} is ${backdating.days} days back; a report may be dated at most ${limitDays} days back (from ${from}). An older fact needs a correction by an ADMIN`,
      ProgressReason.BACKDATED,
      { limitDays, earliest: from },
    );
  }
  return backdating;
}

/** The backdating of a report dated `reportDate` and written `today`, or null within the limit. */
export function backdatingOf(reportDate: string, limitDays: number, today = todayInChina()): Backdating | null {
  const days = daysBetween(reportDate, today);
  return days > limitDays ? { days, limitDays } : null;
}
