import { COMMON_FIELDS, defineMessages } from '../../i18n/messages';

/** The indicator module's messages: its resources' names and fields, its enums, its app.* texts. */
export const messages = defineMessages(
  {
    resources: {
      Indicator: {
        name: '指标 |||| 指标',
        fields: {
          ...COMMON_FIELDS.zh,
          name: '指标',
          printed: '原文',
          unit: '单位',
          comparator: '比较',
          target: '目标值',
          deadlineText: '时限（原文）',
          deadline: '截止日期',
          scopeId: '范围',
          computed: '自动计算',
          perCompound: '每个小区',
          actual: '实际值（截至今天）',
          status: '状态（截至今天）',
        },
      },
      IndicatorMeasurement: {
        name: '指标测量 |||| 指标测量',
        fields: { ...COMMON_FIELDS.zh, indicatorId: '指标', jurisdictionId: '区划', compoundId: '小区（每个小区指标）', measuredOn: '测量日期', value: '数值', note: '备注' },
      },
    },
    enums: {
      IndicatorUnit: { PERCENT: '%', COUNT: '个数' },
      Comparator: { GTE: '不低于', LTE: '不高于', EQ: '等于' },
      ComputedMeasure: {
        OWNERS_COMMITTEE_RATE: '业委会组建率',
        SELF_GOVERNANCE_COVERAGE: '业主自治组织覆盖率',
        PARTY_ORGANIZATION_RATE: '小区党组织组建率',
        NEW_COMMITTEE_PARTY_SHARE: '新组建业委会党员比例',
        THREE_STAR_BRANCH_SHARE: '三星级及以上小区党组织比率',
        DEMONSTRATION_SITES: '示范点（验收通过）',
      },
      IndicatorStatus: { ON_TRACK: '进展正常', AT_RISK: '有风险', MET: '已达成', MISSED: '未达成' },
    },
    app: {
      indicators: {
        title: '指标完成情况（截至今天）',
        actual: '实际',
        target: '目标',
        no_deadline: '无时限',
        per_compound: '%{meeting}/%{total} 个小区达标（每个小区均须达到）',
        per_compound_help: '目标对每个小区都成立（如“每个小区至少1个”）：按小区填报，全部小区达到才算完成',
        as_of_today: '截至今天',
        measurements: '测量记录',
        cmp: { GTE: '≥', LTE: '≤', EQ: '=' },
        errors: { not_whole: '计数类指标须填整数', not_per_compound: '该指标按辖区填报，不按小区填报' },
        rollup: {
          rolled_up: '由下级汇总：%{reported}/%{below} 个%{level}已填报',
          communities: '，覆盖 %{reported}/%{total} 个社区（村）',
          own_wins: '本级填报为准；下级汇总为 %{value}（%{reported}/%{below} 个%{level}已填报）',
          not_averaged: '比率类指标不由下级平均得出，须本级填报',
          level: { PROVINCE: '省', CITY: '市', COUNTY: '县（市、区）', TOWNSHIP: '街道（镇）', COMMUNITY: '社区（村）' },
        },
      },
    },
  },
  {
    resources: {
      Indicator: {
        name: 'Indicator |||| Indicators',
        fields: {
          ...COMMON_FIELDS.en,
          name: 'Indicator',
          printed: 'As printed',
          unit: 'Unit',
          comparator: 'Comparator',
          target: 'Target',
          deadlineText: 'Deadline (printed)',
          deadline: 'Deadline',
          scopeId: 'Scope',
          computed: 'Computed',
          perCompound: 'Every compound',
          actual: 'Actual (today)',
          status: 'Status (today)',
        },
      },
      IndicatorMeasurement: {
        name: 'Measurement |||| Measurements',
        fields: {
          ...COMMON_FIELDS.en,
          indicatorId: 'Indicator',
          jurisdictionId: 'Jurisdiction',
          compoundId: 'Compound (per-compound indicators)',
          measuredOn: 'Measured on',
          value: 'Value',
          note: 'Note',
        },
      },
    },
    enums: {
      IndicatorUnit: { PERCENT: '%', COUNT: 'count' },
      Comparator: { GTE: 'at least', LTE: 'at most', EQ: 'exactly' },
      ComputedMeasure: {
        OWNERS_COMMITTEE_RATE: "Owners' committee rate",
        PARTY_ORGANIZATION_RATE: 'Party organisation rate',
        NEW_COMMITTEE_PARTY_SHARE: 'Party share of new committees',
        SELF_GOVERNANCE_COVERAGE: 'Self-governance coverage',
        THREE_STAR_BRANCH_SHARE: 'Three-star party branches',
        DEMONSTRATION_SITES: 'Demonstration sites (accepted)',
      },
      IndicatorStatus: { ON_TRACK: 'On track', AT_RISK: 'At risk', MET: 'Met', MISSED: 'Missed' },
    },
    app: {
      indicators: {
        title: 'Targets as of today',
        actual: 'Actual',
        target: 'target',
        no_deadline: 'no deadline',
        per_compound: '%{meeting} of %{total} compounds meet it (every compound must)',
        per_compound_help: 'The target holds for every compound (e.g. at least 1 per compound): measured compound by compound, met when all are',
        as_of_today: 'As of today',
        measurements: 'Measurements',
        cmp: { GTE: '≥', LTE: '≤', EQ: '=' },
        errors: { not_whole: 'A count is a whole number', not_per_compound: 'This indicator is measured by jurisdiction, not by compound' },
        rollup: {
          rolled_up: 'Added up from below: %{reported} of %{below} %{level} reported',
          communities: ', covering %{reported} of %{total} communities',
          own_wins: 'As typed for this area; the areas below add up to %{value} (%{reported} of %{below} %{level} reported)',
          not_averaged: 'A share is not averaged from the areas below: type it for this area',
          level: { PROVINCE: 'provinces', CITY: 'cities', COUNTY: 'counties', TOWNSHIP: 'streets/towns', COMMUNITY: 'communities' },
        },
      },
    },
  },
);
