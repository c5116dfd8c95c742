import { createElement, lazy, Suspense } from 'react';
import { type ConsoleModule, screen } from '../common/module';
import { messages } from './messages';

/** The bell, loaded with the first page (its own chunk: a module's index imports no screen), nothing in its place meanwhile. */
const Bell = lazy(async () => ({ default: (await import('./Bell')).NotificationBell }));
const NotificationBell = () => createElement(Suspense, { fallback: null }, createElement(Bell));

/**
 * 消息提醒: the bell in the app bar (every signed-in user: the unread count, the latest, mark read) and
 * the page of all one's notifications. The lines are translated by kind with the sending modules'
 * messages (`notifications.kinds.<KIND>`).
 */
export const notificationModule: ConsoleModule = {
  name: 'notification',
  routes: () => [{ path: '/notifications', component: screen(() => import('./NotificationsPage'), 'NotificationsPage') }],
  appBar: [NotificationBell],
  messages,
};
