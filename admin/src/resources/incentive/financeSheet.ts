import type { CellValue, Sheet } from '../common/exportCells';

/** What the finance sheet reads of a paid payout (the list's selection, dataProvider/selections). */
export interface PaidPayout {
  paymentReference: string | null;
  paidOn: string | null;
  approvedOn?: string | null;
  recipientName: string;
  recipientRole: string;
  recipientCompany?: { uscc: string } | null;
  amountFen: number;
  budgetYear: number;
  programme: { name: string };
  case: { compound: { name: string }; community: { name: string } };
  submittedBy: { displayName: string } | null;
  approvedBy: { displayName: string } | null;
}

/** The finance sheet's columns: what the payment office books, in its words; no internal ids. */
export const FINANCE_COLUMNS = [
  'paymentReference',
  'paidOn',
  'recipientName',
  'payeeCode',
  'recipientRole',
  'amount',
  'programme',
  'site',
  'community',
  'budgetYear',
  'submittedBy',
  'approvedBy',
  'approvedOn',
] as const;

/** The amount column (0-based), formatted #,##0.00 in the xlsx. */
export const AMOUNT_COLUMN = FINANCE_COLUMNS.indexOf('amount');

/**
 * 奖励发放明细: one row per voucher, dates as YYYY-MM-DD (LocalDate: the office's calendar day, never
 * a UTC timestamp), amounts in yuan, the payee's 统一社会信用代码 (a company's; a community has none
 * recorded), and a 合计 row summed in fen so no float error reaches the total. Plain TypeScript: the
 * unit test reads the xlsx back (admin/test/finance-sheet.test.ts).
 */
export function financeSheet(payouts: readonly PaidPayout[], translate: (key: string) => string): Sheet {
  const rows: CellValue[][] = payouts.map((p) => [
    p.paymentReference,
    p.paidOn,
    p.recipientName,
    p.recipientCompany?.uscc ?? null,
    translate(`enums.RecipientRole.${p.recipientRole}`),
    p.amountFen / 100,
    p.programme.name,
    p.case.compound.name,
    p.case.community.name,
    p.budgetYear,
    p.submittedBy?.displayName ?? null,
    p.approvedBy?.displayName ?? null,
    p.approvedOn ?? null,
  ]);
  const totalFen = payouts.reduce((sum, p) => sum + p.amountFen, 0);
  const total: CellValue[] = FINANCE_COLUMNS.map(() => null);
  total[0] = translate('app.payouts.finance.total');
  total[AMOUNT_COLUMN] = totalFen / 100;
  return { headers: FINANCE_COLUMNS.map((c) => translate(`app.payouts.finance.${c}`)), rows: [...rows, total] };
}
