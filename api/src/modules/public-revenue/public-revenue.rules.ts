import { registerEnumType } from 'type-graphql';

/*
 * 公共收益公示 (001 三(三)1, 000 附件 三(一), 002 三.3): a compound's public revenue is disclosed quarter by
 * quarter, by the end of the first month of the next quarter (Q1 by 30 April, Q4 by 31 January of the
 * next year). Disclosed after that day it is late; not disclosed by then it is overdue from the next day.
 */

export enum DisclosureStatus {
  NOT_DUE = 'NOT_DUE',
  ON_TIME = 'ON_TIME',
  LATE = 'LATE',
  OVERDUE = 'OVERDUE',
}
registerEnumType(DisclosureStatus, {
  name: 'DisclosureStatus',
  description: 'A quarter’s disclosure on a day',
  valuesConfig: {
    NOT_DUE: { description: '未到期: not disclosed yet, and its due day has not passed' },
    ON_TIME: { description: '按时公示: disclosed on or before its due day' },
    LATE: { description: '逾期公示: disclosed after its due day' },
    OVERDUE: { description: '逾期未公示: its due day has passed and it is not disclosed' },
  },
});

const LAST_DAY = ['01-31', '04-30', '07-31', '10-31'];

/** The day a quarter's disclosure is due: the last day of the first month of the next quarter. */
export function disclosureDueOn(year: number, quarter: number): string {
  return quarter === 4 ? `${year + 1}-${LAST_DAY[0]}` : `${year}-${LAST_DAY[quarter]}`;
}

/** The quarter's last day: a quarter is disclosed once it is over. */
export function quarterEndsOn(year: number, quarter: number): string {
  return `${year}-${['03-31', '06-30', '09-30', '12-31'][quarter - 1]}`;
}

/** Where a quarter's disclosure stands on a day (disclosedOn: the day it was disclosed, or null). */
export function disclosureStatus(year: number, quarter: number, disclosedOn: string | null, day: string): DisclosureStatus {
  const due = disclosureDueOn(year, quarter);
  if (disclosedOn !== null && disclosedOn <= day) return disclosedOn <= due ? DisclosureStatus.ON_TIME : DisclosureStatus.LATE;
  return day > due ? DisclosureStatus.OVERDUE : DisclosureStatus.NOT_DUE;
}

/** The latest quarter whose due day has passed on the day (the one a compound should have disclosed by now). */
export function latestDueQuarter(day: string): { year: number; quarter: number } {
  // Q3 of the year before is due on its 31 October, before any day of this year; walk forward from it
  let year = Number(day.slice(0, 4)) - 1;
  let quarter = 3;
  for (;;) {
    const next = quarter === 4 ? { year: year + 1, quarter: 1 } : { year, quarter: quarter + 1 };
    if (disclosureDueOn(next.year, next.quarter) < day) ({ year, quarter } = next);
    else return { year, quarter };
  }
}
