import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { Notifications1765700000000 } from './migrations/1765700000000-Notifications';
import { InAppChannel, WebhookChannel } from './notification.channels';
import { NotificationDeliveries } from './notification.deliveries';
import { Notification, NotificationDelivery } from './notification.entity';
import { collectKinds } from './notification.kinds';
import { NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';

export { notify, type NotifyInput, type Recipients } from './notification.service';
export type { KindParams, NotificationKindDecls } from './notification.kinds';
export type { NotificationChannel } from './notification.channels';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = (kit: ModuleKit) => {
  const webhook = kit.config.notificationWebhook;
  const report = (err: unknown) => {
    if (kit.config.env !== 'test') console.error('notification deliveries:', err);
  };
  // one retry policy for the outgoing channels: the webhook's (the defaults when there is none)
  const policy = { maxAttempts: webhook?.maxAttempts ?? 8, retrySeconds: webhook?.retrySeconds ?? 30, timeoutMs: webhook?.timeoutMs ?? 5000, pollSeconds: webhook?.pollSeconds ?? 15 };
  const notificationDeliveries: NotificationDeliveries = new NotificationDeliveries(kit.ds, (name) => notification.channel(name), policy, report);
  const notification: NotificationService = new NotificationService(kit.ds, collectKinds(kit.modules), notificationDeliveries);
  notification.addChannel(new InAppChannel());
  if (webhook) notification.addChannel(new WebhookChannel(webhook));
  return { notification, notificationDeliveries };
};

/**
 * 消息提醒: the notification centre. Modules send with `notify(em, …)` in their own transaction and
 * declare their kinds (`notificationKinds`); users read theirs (the console's bell and page); outgoing
 * channels (the webhook) deliver from an outbox after the commit, retried with backoff.
 */
export const notificationModule: ApiModule = {
  name: 'notification',
  entities: [Notification, NotificationDelivery],
  migrations: [Notifications1765700000000],
  services,
  resolvers: [NotificationResolver],
  // the outbox worker runs only where an outgoing channel is configured
  start: (s) => {
    if (!s.notification.outgoing.length) return;
    s.notificationDeliveries.start();
    return () => s.notificationDeliveries.stop();
  },
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}
