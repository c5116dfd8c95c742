import type { ModuleExpectations } from '../../module-expectations';

/** The notification module's rows of the permission matrix and its part of the audit test. */
export const expectations: ModuleExpectations = {
  permissions: {
    // every signed-in user reads and marks their own notifications, and only theirs (notification.test.ts)
    myNotifications: 'SIGNED_IN',
    myUnreadNotificationCount: 'SIGNED_IN',
    myNotificationCount: 'SIGNED_IN',
    markNotificationsRead: 'SIGNED_IN',
    markAllNotificationsRead: 'SIGNED_IN',
  },
  async audit({ once }) {
    // Exempt from the audit trail, on purpose: marking read changes only the user's own reading state,
    // no record of an office (it is to a notification what opening a page is to a record), and a
    // click-by-click trail per user would drown the events that matter. `events: 0` states it.
    const marked = await once('markNotificationsRead', 'mutation { markNotificationsRead(ids: []) { id } }', {}, { events: 0 });
    expect(marked.data).toEqual([]);
    await once('markAllNotificationsRead', 'mutation { markAllNotificationsRead }', {}, { events: 0 });
  },
};
