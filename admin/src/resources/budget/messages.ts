import { COMMON_FIELDS, defineMessages } from '../../i18n/messages';

/** The budget module's messages: its resources' names and fields, its enums, its app.* texts. */
export const messages = defineMessages(
  {
    resources: {
      IncentiveBudget: {
        name: '年度预算 |||| 年度预算',
        fields: {
          ...COMMON_FIELDS.zh,
          programmeId: '奖励项目',
          year: '年度',
          amount: '预算金额（元）',
          amountFen: '预算（分）',
          committed: '已占用（元）',
          committedFen: '已占用（分）',
          paid: '已发放（元）',
          paidFen: '已发放（分）',
          available: '可用（元）',
          availableFen: '可用（分）',
          note: '备注',
        },
      },
    },
    app: {
      budgets: {
        gauge: '预算执行',
        panel: '%{year} 年度奖励预算',
        panel_years: '奖励预算（有资金的年度）',
        totals_of: '%{year} 年度按收款方汇总',
        none: '%{year} 年度尚未设置奖励预算。',
        set: '设置预算',
        paid: '已发放',
        committed: '已占用',
        available: '可用',
        amount: '预算',
        count: '笔数',
      },
    },
  },
  {
    resources: {
      IncentiveBudget: {
        name: 'Budget |||| Budgets',
        fields: {
          ...COMMON_FIELDS.en,
          programmeId: 'Programme',
          year: 'Year',
          amount: 'Budget (yuan)',
          amountFen: 'Budget (fen)',
          committed: 'Committed (yuan)',
          committedFen: 'Committed (fen)',
          paid: 'Paid (yuan)',
          paidFen: 'Paid (fen)',
          available: 'Available (yuan)',
          availableFen: 'Available (fen)',
          note: 'Note',
        },
      },
    },
    app: {
      budgets: {
        gauge: 'Budget use',
        panel: 'Award budgets %{year}',
        panel_years: 'Award budgets (years with money)',
        totals_of: '%{year} by recipient',
        none: 'No award budget is set for %{year}.',
        set: 'Set a budget',
        paid: 'Paid',
        committed: 'Committed',
        available: 'Available',
        amount: 'Budget',
        count: 'Payouts',
      },
    },
  },
);
