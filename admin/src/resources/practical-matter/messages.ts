import { tenMatterLabels } from '../../../../api/src/common/ten-matters';
import { COMMON_FIELDS, defineMessages } from '../../i18n/messages';

/** The practical-matter module's messages. */
export const messages = defineMessages(
  {
    resources: {
      PracticalMatter: {
        name: '实事 |||| 实事',
        fields: {
          ...COMMON_FIELDS.zh,
          compoundId: '小区',
          communityId: '所属社区',
          kind: '类别',
          category: '事项',
          title: '事项内容',
          plan: '办理计划',
          ownerUnitId: '责任单位',
          dueOn: '计划完成日期',
          evidence: '销号佐证',
          status: '状态',
          openedOn: '立项日期',
          startedOn: '推进日期',
          closedOn: '销号日期',
        },
      },
    },
    enums: {
      PracticalMatterKind: { TEN_MATTERS: '十件实事', MICRO_PROJECT: '微实事' },
      PracticalMatterCategory: {
        ...tenMatterLabels('zh'),
        OTHER: '其他',
      },
      PracticalMatterStatus: { OPEN: '已立项', IN_PROGRESS: '推进中', CLOSED: '已销号' },
    },
    app: {
      practical: {
        action: { start: '开始推进', close: '销号', reopen: '重新打开' },
        steps: '办理经过',
        step_date: '日期',
        step_note: '备注（可选）',
        why: '原因',
        done: '已记录：%{status}',
        reopened: '重新打开',
      },
    },
    notifications: {
      kinds: { PRACTICAL_MATTER_ASSIGNED: '实事交办本单位：%{title}（完成时限 %{due}）', PRACTICAL_MATTER_REOPENED: '实事退回本单位重办：%{title}（%{date}）' },
    },
  },
  {
    resources: {
      PracticalMatter: {
        name: 'Practical matter |||| Practical matters',
        fields: {
          ...COMMON_FIELDS.en,
          compoundId: 'Compound',
          communityId: 'Community',
          kind: 'Kind',
          category: 'Matter',
          title: 'What',
          plan: 'Plan',
          ownerUnitId: 'Responsible unit',
          dueOn: 'Due on',
          evidence: 'Evidence of completion',
          status: 'Status',
          openedOn: 'Opened on',
          startedOn: 'Started on',
          closedOn: 'Closed on',
        },
      },
    },
    enums: {
      PracticalMatterKind: { TEN_MATTERS: 'Ten practical matters', MICRO_PROJECT: 'Micro project' },
      PracticalMatterCategory: {
        ...tenMatterLabels('en'),
        OTHER: 'Other',
      },
      PracticalMatterStatus: { OPEN: 'Opened', IN_PROGRESS: 'In progress', CLOSED: 'Closed' },
    },
    app: {
      practical: {
        action: { start: 'Start', close: 'Close (done)', reopen: 'Reopen' },
        steps: 'Steps',
        step_date: 'Date',
        step_note: 'Note (optional)',
        why: 'Why',
        done: 'Recorded: %{status}',
        reopened: 'Reopened',
      },
    },
    notifications: {
      kinds: {
        PRACTICAL_MATTER_ASSIGNED: 'Practical matter handed to your unit: %{title} (due %{due})',
        PRACTICAL_MATTER_REOPENED: 'Practical matter sent back to your unit: %{title} (%{date})',
      },
    },
  },
);
