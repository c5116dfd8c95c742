import { defineMessages } from '../../i18n/messages';

/**
 * The notification centre's messages. Each kind's line is the sending module's:
 * `notifications.kinds.<KIND>` in its own messages.ts, zh and en, with the kind's %{params}.
 */
export const messages = defineMessages(
  {
    app: {
      notifications: {
        title: '消息提醒',
        bell: '消息（%{count} 条未读）',
        empty: '暂无消息',
        mark_all: '全部标为已读',
        see_all: '查看全部消息',
        unread_only: '只看未读',
        unread_count: '（%{count} 条未读）',
      },
    },
  },
  {
    app: {
      notifications: {
        title: 'Notifications',
        bell: 'Notifications (%{count} unread)',
        empty: 'No notifications',
        mark_all: 'Mark all read',
        see_all: 'See all notifications',
        unread_only: 'Unread only',
        unread_count: ' (%{count} unread)',
      },
    },
  },
);
