import ExcelJS from 'exceljs';
import { xlsxBuffer } from '../src/resources/common/exportCells';
import { AMOUNT_COLUMN, financeSheet, type PaidPayout } from '../src/resources/incentive/financeSheet';
import { messages } from '../src/resources/incentive/messages';

/** The console's own Chinese texts for the sheet (resources/incentive/messages.ts), as translate gives them. */
const zh = (key: string): string => {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], messages.zh);
  if (typeof value !== 'string') throw new Error(`no Chinese text for ${key}`);
  return value;
};

const paid = (o: Partial<PaidPayout> & Pick<PaidPayout, 'amountFen' | 'paymentReference' | 'recipientName' | 'recipientRole'>): PaidPayout => ({
  paidOn: '2025-12-30',
  approvedOn: '2025-12-23',
  budgetYear: 2025,
  programme: { name: '“党建+物业”示范点创建奖励' },
  case: { compound: { name: '阳光花园' }, community: { name: '阳光社区' } },
  submittedBy: { displayName: '王经办' },
  approvedBy: { displayName: '李审核' },
  ...o,
});

describe('the finance sheet (奖励发放明细)', () => {
  it('reads back with Chinese headers, the payee’s credit code, local dates, a 合计 row in yuan and no internal ids', async () => {
    const payouts = [
      paid({ paymentReference: 'PZ-2025-001', recipientName: '示范物业有限公司', recipientRole: 'PROPERTY_COMPANY', recipientCompany: { uscc: '91350582MA2AWD0013' }, amountFen: 3_000_000 }),
      paid({ paymentReference: 'PZ-2025-002', recipientName: '阳光社区', recipientRole: 'COMMUNITY', recipientCompany: null, amountFen: 2_000_010, paidOn: '2025-01-02' }),
      paid({ paymentReference: 'PZ-2025-003', recipientName: '示范物业有限公司', recipientRole: 'PROPERTY_COMPANY', recipientCompany: { uscc: '91350582MA2AWD0013' }, amountFen: 1 }),
    ];
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsxBuffer(financeSheet(payouts, zh), '奖励发放明细', { [AMOUNT_COLUMN]: '#,##0.00' }));
    const ws = book.worksheets[0];
    const rows = ws
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    const [headers, ...body] = rows;
    expect(headers).toEqual(['凭证号', '付款日期', '收款方', '统一社会信用代码', '收款方类型', '金额（元）', '奖励项目', '示范点', '所属社区', '预算年度', '提交人', '审批人', '审批日期']);
    expect(body).toHaveLength(4);
    expect(body[0]).toEqual([
      'PZ-2025-001',
      '2025-12-30',
      '示范物业有限公司',
      '91350582MA2AWD0013',
      '物业服务企业',
      30000,
      '“党建+物业”示范点创建奖励',
      '阳光花园',
      '阳光社区',
      2025,
      '王经办',
      '李审核',
      '2025-12-23',
    ]);
    expect(body[1][1]).toBe('2025-01-02');
    expect(body[1][3]).toBeUndefined();
    // 合计: the sum of the amounts, summed in fen (30000 + 20000.10 + 0.01), in the amount column
    const total = body[3];
    expect(total[0]).toBe('合计');
    expect(total[AMOUNT_COLUMN]).toBe(50000.11);
    expect(ws.getRow(5).getCell(AMOUNT_COLUMN + 1).numFmt).toBe('#,##0.00');
    // every date is a calendar day, never a timestamp; no column is an id
    for (const r of body.slice(0, 3)) for (const c of [1, 12]) expect(String(r[c])).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(headers.some((h) => /id$/i.test(String(h)))).toBe(false);
  });

  it('totals an empty sheet as zero', () => {
    const sheet = financeSheet([], zh);
    expect(sheet.rows).toEqual([['合计', null, null, null, null, 0, null, null, null, null, null, null, null]]);
  });
});
