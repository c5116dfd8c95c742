import { COMMON_FIELDS, defineMessages } from '../../i18n/messages';

/** The public-notice module's messages. */
export const messages = defineMessages(
  {
    resources: { NoticeLink: { name: '公示链接 |||| 公示链接', fields: { ...COMMON_FIELDS.zh, kind: '公示内容', targetId: '对象', createdByName: '生成人', revokedOn: '撤销日期' } } },
    enums: { NoticeKind: { COMMITTEE_BOARD: '业委会成员公示', PUBLICATION_EDITION: '红黑榜公布' } },
    app: {
      notices: {
        section: '公示（业委会成员）',
        make: '生成公示链接',
        made: '公示链接（仅此一次显示，请复制保存）：',
        link_line: '%{at} 由 %{by} 生成',
        revoked: '已于 %{date} 撤销',
        revoke: '撤销',
      },
    },
  },
  {
    resources: { NoticeLink: { name: 'Notice link |||| Notice links', fields: { ...COMMON_FIELDS.en, kind: 'Notice', targetId: 'Of', createdByName: 'Made by', revokedOn: 'Revoked on' } } },
    enums: { NoticeKind: { COMMITTEE_BOARD: 'Committee board', PUBLICATION_EDITION: 'Red/black list edition' } },
    app: {
      notices: {
        section: 'Public notice (committee board)',
        make: 'Make a public link',
        made: 'Public link (shown this once: copy it):',
        link_line: 'made %{at} by %{by}',
        revoked: 'revoked on %{date}',
        revoke: 'Revoke',
      },
    },
  },
);
