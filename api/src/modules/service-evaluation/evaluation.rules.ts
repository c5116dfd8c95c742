import { EvaluationResult, EvaluationStatus } from './evaluation.enums';

/*
 * 物业服务考评 rules (001 四(四)4–5; 000 附件 一(二); 004 二(五)), as pure functions of the records and a day:
 * - an interview (约谈) is due when owners' dissatisfaction is over 50% (55% yes, exactly 50% no) and none
 *   has been held;
 * - a company is barred from new projects (限制承接新项目) on a day when, at any compound it serves, its
 *   latest evaluation on or before that day is 不达标 (FAIL): the bar lifts with a later passing one.
 */

export const DISSATISFACTION_MAX = 50;

export const interviewDue = (e: { dissatisfactionRate: number; status: EvaluationStatus }): boolean => Number(e.dissatisfactionRate) > DISSATISFACTION_MAX && e.status === EvaluationStatus.RECORDED;

/** The evaluations (of one company) that bar it on the day: the latest of each compound, when it failed. */
export function barringEvaluations<E extends { compoundId: number; evaluatedOn: string; result: EvaluationResult; id: number }>(evaluations: readonly E[], day: string): E[] {
  const latest = new Map<number, E>();
  for (const e of evaluations) {
    if (e.evaluatedOn > day) continue;
    const held = latest.get(e.compoundId);
    if (!held || e.evaluatedOn > held.evaluatedOn || (e.evaluatedOn === held.evaluatedOn && e.id > held.id)) latest.set(e.compoundId, e);
  }
  return [...latest.values()].filter((e) => e.result === EvaluationResult.FAIL);
}
