import { COMMON_FIELDS, defineMessages } from '../../i18n/messages';

/** The public-revenue module's messages. */
export const messages = defineMessages(
  {
    resources: {
      RevenueDisclosure: {
        name: '公共收益公示 |||| 公共收益公示',
        fields: {
          ...COMMON_FIELDS.zh,
          compoundId: '小区',
          communityId: '社区',
          year: '年度',
          quarter: '季度',
          disclosedOn: '公示日期',
          summary: '公示内容',
          evidence: '公示佐证（位置或链接）',
          dueOn: '应公示日期',
          status: '状态',
        },
      },
      RevenueAudit: {
        name: '公共收益年度审计 |||| 公共收益年度审计',
        fields: { ...COMMON_FIELDS.zh, compoundId: '小区', communityId: '社区', year: '审计年度', auditor: '审计单位', auditedOn: '审计日期', outcome: '审计结论', findings: '主要问题与整改' },
      },
    },
    enums: {
      DisclosureStatus: { NOT_DUE: '未到期', ON_TIME: '按时公示', LATE: '逾期公示', OVERDUE: '逾期未公示' },
      AuditOutcome: { NO_ISSUES: '未发现问题', ISSUES_FOUND: '发现问题，待整改', ISSUES_RECTIFIED: '发现问题，已整改' },
      CompoundFlag: { DISCLOSURE_OVERDUE: '公共收益逾期未公示' },
    },
    app: {
      revenue: {
        section: '公共收益',
        quarter: '%{year}年第%{quarter}季度',
        due: '应于 %{due} 前公示',
        record: '登记公示',
        audits: '年度审计',
        no_audits: '尚无审计记录',
        add_audit: '登记审计',
        errors: { before_quarter_end: '季度结束后才能公示该季度的公共收益', before_audited_year: '审计日期早于所审计的年度' },
      },
    },
  },
  {
    resources: {
      RevenueDisclosure: {
        name: 'Revenue disclosure |||| Revenue disclosures',
        fields: {
          ...COMMON_FIELDS.en,
          compoundId: 'Compound',
          communityId: 'Community',
          year: 'Year',
          quarter: 'Quarter',
          disclosedOn: 'Disclosed on',
          summary: 'What was disclosed',
          evidence: 'Evidence (where posted, or a link)',
          dueOn: 'Due on',
          status: 'Status',
        },
      },
      RevenueAudit: {
        name: 'Revenue audit |||| Revenue audits',
        fields: {
          ...COMMON_FIELDS.en,
          compoundId: 'Compound',
          communityId: 'Community',
          year: 'Year audited',
          auditor: 'Auditor',
          auditedOn: 'Audited on',
          outcome: 'Outcome',
          findings: 'Findings and rectification',
        },
      },
    },
    enums: {
      DisclosureStatus: { NOT_DUE: 'Not due yet', ON_TIME: 'On time', LATE: 'Disclosed late', OVERDUE: 'Overdue' },
      AuditOutcome: { NO_ISSUES: 'No issues', ISSUES_FOUND: 'Issues found', ISSUES_RECTIFIED: 'Issues rectified' },
      CompoundFlag: { DISCLOSURE_OVERDUE: 'Revenue disclosure overdue' },
    },
    app: {
      revenue: {
        section: 'Public revenue',
        quarter: '%{year} Q%{quarter}',
        due: 'due by %{due}',
        record: 'Record disclosure',
        audits: 'Yearly audits',
        no_audits: 'No audit recorded',
        add_audit: 'Record audit',
        errors: { before_quarter_end: 'A quarter is disclosed once it is over', before_audited_year: 'The audit is dated before the year it audits' },
      },
    },
  },
);
