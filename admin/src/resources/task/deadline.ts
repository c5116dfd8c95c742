import type { TranslateFunction } from 'react-admin';

/** What a deadline was understood as, in the user's language: 2024-12-15, 每月 ≥ 2 次, 长期坚持… */
export function deadlineMeaning(
  translate: TranslateFunction,
  d: { deadlineKind?: string | null; dueDate?: string | null; recurrenceUnit?: string | null; recurrenceTimes?: number | null; ongoingFrom?: string | null },
): string {
  switch (d.deadlineKind) {
    case 'DUE':
      return d.dueDate ?? '—';
    case 'DUE_THEN_ONGOING':
      return translate('app.deadline.due_then_ongoing', { due: d.dueDate });
    case 'RECURRING':
      return translate('app.deadline.recurring', { every: translate(`enums.RecurrenceUnit.${d.recurrenceUnit}`), times: d.recurrenceTimes ?? 1 });
    case 'ONGOING':
      return d.ongoingFrom ? translate('app.deadline.ongoing_from', { from: d.ongoingFrom }) : translate('enums.DeadlineKind.ONGOING');
    default:
      return '—';
  }
}
