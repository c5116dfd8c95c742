import { COMMON_FIELDS, defineMessages } from '../../i18n/messages';

/** The complaint module's messages. */
export const messages = defineMessages(
  {
    resources: {
      Complaint: {
        name: '投诉 |||| 投诉',
        fields: {
          ...COMMON_FIELDS.zh,
          compoundId: '小区',
          communityId: '所属社区',
          propertyCompanyId: '物业服务企业',
          channel: '来源渠道',
          complainant: '投诉人',
          summary: '诉求',
          assignedUnitId: '承办单位',
          result: '办理结果',
          status: '状态',
          receivedOn: '受理日期',
          assignedOn: '转办日期',
          handledOn: '办结日期',
          closedOn: '关闭日期',
        },
      },
    },
    enums: {
      ComplaintStatus: { RECEIVED: '已受理', ASSIGNED: '已转办', HANDLED: '已办结', CLOSED: '已关闭' },
      ComplaintChannel: { HOTLINE_12345: '12345 热线', PHONE: '电话', VISIT: '来访', ONLINE: '网络', OTHER: '其他' },
    },
    app: {
      complaints: {
        action: { assign: '转办', handle: '办结', close: '回访关闭', return: '退回重办', reject: '不予受理' },
        steps: '办理经过',
        step_date: '日期',
        step_note: '备注（可选）',
        why: '原因',
        done: '已记录：%{status}',
        returned: '退回重办',
        rejected: '不予受理',
      },
    },
    notifications: {
      kinds: { COMPLAINT_ASSIGNED: '投诉转办至本单位：%{summary}（%{date}）', COMPLAINT_RETURNED: '投诉退回本单位重办：%{summary}（%{date}）' },
    },
  },
  {
    resources: {
      Complaint: {
        name: 'Complaint |||| Complaints',
        fields: {
          ...COMMON_FIELDS.en,
          compoundId: 'Compound',
          communityId: 'Community',
          propertyCompanyId: 'Property company',
          channel: 'Channel',
          complainant: 'Complainant',
          summary: 'Complaint',
          assignedUnitId: 'Responsible unit',
          result: 'Result',
          status: 'Status',
          receivedOn: 'Received',
          assignedOn: 'Assigned',
          handledOn: 'Handled',
          closedOn: 'Closed',
        },
      },
    },
    enums: {
      ComplaintStatus: { RECEIVED: 'Received', ASSIGNED: 'Assigned', HANDLED: 'Handled', CLOSED: 'Closed' },
      ComplaintChannel: { HOTLINE_12345: '12345 hotline', PHONE: 'Phone', VISIT: 'Visit', ONLINE: 'Online', OTHER: 'Other' },
    },
    app: {
      complaints: {
        action: { assign: 'Assign', handle: 'Record result', close: 'Close after follow-up', return: 'Send back', reject: 'Not accepted' },
        steps: 'Steps',
        step_date: 'Date',
        step_note: 'Note (optional)',
        why: 'Reason',
        done: 'Recorded: %{status}',
        returned: 'Sent back',
        rejected: 'Not accepted',
      },
    },
    notifications: {
      kinds: {
        COMPLAINT_ASSIGNED: 'Complaint assigned to your unit: %{summary} (%{date})',
        COMPLAINT_RETURNED: 'Complaint sent back to your unit: %{summary} (%{date})',
      },
    },
  },
);
