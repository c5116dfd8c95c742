import { COMMON_FIELDS, defineMessages } from '../../i18n/messages';

const zhFields = COMMON_FIELDS.zh;
const enFields = COMMON_FIELDS.en;

/** The publication module's messages: its resources' names and fields, its enums, its app.* texts. */
export const messages = defineMessages(
  {
    resources: {
      RatingPublication: {
        name: '公布版次 |||| 公布版次',
        fields: {
          ...zhFields,
          periodId: '考核周期',
          revision: '版次',
          publishedOn: '公布日期',
          reason: '更正原因',
          publishedById: '公布人',
          publishedByName: '公布人',
          entryCount: '参评数',
          redCount: '红榜数',
          blackCount: '黑榜数',
        },
      },
      PublishedEntry: {
        name: '公布结果 |||| 公布结果',
        fields: { ...zhFields, publicationId: '版次', subjectName: '评价对象', uscc: '统一社会信用代码', rank: '排名', total: '总分', stars: '星级', listStatus: '红黑榜', reasons: '上榜原因' },
      },
      Rectification: {
        name: '整改 |||| 整改',
        fields: {
          ...zhFields,
          propertyCompanyId: '物业服务企业',
          periodId: '考核周期',
          publicationId: '列入版次',
          status: '整改状态',
          requiredOn: '列入黑榜日期',
          interviewedOn: '约谈日期',
          submittedOn: '提交整改日期',
          acceptedOn: '验收通过日期',
          cancelledOn: '撤销日期',
          note: '备注',
          version: '版本',
        },
      },
    },
    enums: { RectificationStatus: { REQUIRED: '待约谈', INTERVIEWED: '已约谈（整改中）', SUBMITTED: '已提交整改', ACCEPTED: '整改验收通过', CANCELLED: '已撤销' } },
    app: {
      rectifications: {
        action: { interview: '记录约谈', submit: '登记整改报告', accept: '验收通过', return: '退回整改' },
        confirm: {
          interview: '记录已约谈 %{company}（%{period} 黑榜）。',
          submit: '登记 %{company} 已提交整改报告。',
          accept: '%{company} 整改验收通过：自该日起不再限制其参与物业招投标。',
          return: '退回 %{company} 的整改报告，须说明原因。',
        },
        step_date: '日期',
        step_note: '说明（可选）',
        return_reason: '退回原因',
        done: '已记录：%{status}',
        returned: '整改报告被退回',
        steps: '整改过程',
        bar: {
          REQUIRED: '尚未约谈。整改验收通过前不得参与物业招投标。',
          INTERVIEWED: '整改中。整改验收通过前不得参与物业招投标。',
          SUBMITTED: '整改报告待验收。验收通过前不得参与物业招投标。',
          ACCEPTED: '已于 %{date} 整改验收通过，自该日起不再限制参与物业招投标。',
          CANCELLED: '已于 %{date} 撤销：更正后的版次不再将其列入黑榜。',
        },
      },
    },
  },
  {
    resources: {
      RatingPublication: {
        name: 'Published edition |||| Published editions',
        fields: {
          ...enFields,
          periodId: 'Period',
          revision: 'Revision',
          publishedOn: 'Published on',
          reason: 'Correction reason',
          publishedById: 'Published by',
          publishedByName: 'Published by',
          entryCount: 'Rated',
          redCount: 'Red list',
          blackCount: 'Black list',
        },
      },
      PublishedEntry: {
        name: 'Published entry |||| Published entries',
        fields: {
          ...enFields,
          publicationId: 'Edition',
          subjectName: 'Rated',
          uscc: 'Credit code',
          rank: 'Rank',
          total: 'Total',
          stars: 'Stars',
          listStatus: 'List',
          reasons: 'Why listed',
        },
      },
      Rectification: {
        name: 'Rectification |||| Rectifications',
        fields: {
          ...enFields,
          propertyCompanyId: 'Property company',
          periodId: 'Period',
          publicationId: 'Listed in',
          status: 'Status',
          requiredOn: 'Black-listed on',
          interviewedOn: 'Interviewed on',
          submittedOn: 'Report submitted on',
          acceptedOn: 'Accepted on',
          cancelledOn: 'Cancelled on',
          note: 'Note',
          version: 'Version',
        },
      },
    },
    enums: {
      RectificationStatus: { REQUIRED: 'Interview pending', INTERVIEWED: 'Interviewed (rectifying)', SUBMITTED: 'Report submitted', ACCEPTED: 'Accepted', CANCELLED: 'Cancelled' },
    },
    app: {
      rectifications: {
        action: { interview: 'Record interview', submit: 'Record report', accept: 'Accept', return: 'Return report' },
        confirm: {
          interview: 'Record that %{company} was interviewed (black list of %{period}).',
          submit: 'Record that %{company} submitted its rectification report.',
          accept: 'Accept the rectification of %{company}: from that day it may bid again.',
          return: 'Return the rectification report of %{company}; say why.',
        },
        step_date: 'Date',
        step_note: 'Note (optional)',
        return_reason: 'Why it is returned',
        done: 'Recorded: %{status}',
        returned: 'Report returned',
        steps: 'Steps',
        bar: {
          REQUIRED: 'Interview pending. Barred from bidding until the rectification is accepted.',
          INTERVIEWED: 'Rectifying. Barred from bidding until the rectification is accepted.',
          SUBMITTED: 'Report awaiting acceptance. Barred from bidding until accepted.',
          ACCEPTED: 'Accepted on %{date}: no longer barred from bidding from that day.',
          CANCELLED: 'Cancelled on %{date}: a corrected edition no longer black-lists it.',
        },
      },
    },
  },
);
