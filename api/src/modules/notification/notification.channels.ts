import { createHmac } from 'node:crypto';
import type { Notification } from './notification.entity';

/** The recipient as a channel sees them: enough to address a message, nothing secret. */
export interface Recipient {
  id: number;
  username: string;
  displayName: string;
  role: string;
  unitId: number | null;
  jurisdictionId: number | null;
}

/** What a channel is told of one attempt (outgoing channels only). */
export interface Attempt {
  /** The outbox row's id: the same for every retry of one delivery, so a receiver can drop repeats. */
  deliveryId: number;
  /** 1 for the first attempt. */
  attempt: number;
  /** When the attempt is made (the worker's clock). */
  at: Date;
}

/**
 * A way a notification reaches its user. The in-app channel is the notification row itself (the bell
 * reads it); an outgoing channel (`outgoing: true`: the webhook, later SMS or WeCom) gets an outbox row
 * per notification, written in the sender's transaction, and `deliver` is called after the commit by
 * the delivery worker, outside any request and transaction: throwing means "try again later".
 */
export interface NotificationChannel {
  /** Stored on the outbox rows: at most 32 characters, unique among the app's channels. */
  readonly name: string;
  readonly outgoing: boolean;
  /** Whether this channel carries this notification (default: every one). */
  accepts?(notification: Notification, user: Recipient): boolean;
  deliver(notification: Notification, user: Recipient, attempt: Attempt): Promise<void>;
}

/** 站内消息: the row the bell and the notification page read. Nothing more to deliver. */
export class InAppChannel implements NotificationChannel {
  readonly name = 'in-app';
  readonly outgoing = false;
  async deliver(): Promise<void> {}
}

/** The outgoing webhook's settings (NOTIFY_WEBHOOK_*; README, configuration). */
export interface WebhookConfig {
  url: string;
  /** The HMAC-SHA256 key both ends share. */
  secret: string;
  /** Attempts before a delivery is given up (the first included). */
  maxAttempts: number;
  /** The wait after the first failed attempt; each later wait doubles (capped at a day). */
  retrySeconds: number;
  /** How long one POST may take before it counts as failed. */
  timeoutMs: number;
  /** How often the worker looks for deliveries due (besides the nudge after each commit). */
  pollSeconds: number;
  /** The console's address (https://…/admin/), to send an absolute `url` beside the hash route. */
  consoleUrl?: string;
}

/** The headers a receiver checks (README: "Outgoing webhook"). */
export const WEBHOOK_HEADERS = {
  signature: 'x-wydj-signature',
  timestamp: 'x-wydj-timestamp',
  delivery: 'x-wydj-delivery',
  attempt: 'x-wydj-attempt',
} as const;

/**
 * The signature of one request, as Stripe and GitHub sign theirs: HMAC-SHA256, keyed by the shared
 * secret, of `<timestamp>.<body>` (the timestamp in Unix seconds, the body exactly as sent), hex, after
 * `sha256=`. Signing the timestamp lets a receiver refuse a replayed request older than a few minutes.
 */
export const signWebhook = (secret: string, timestamp: number, body: string): string => `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** The JSON a webhook receiver gets: the notification, its recipient and the attempt. */
export function webhookPayload(n: Notification, user: Recipient, attempt: Attempt, consoleUrl?: string) {
  return {
    event: 'notification',
    deliveryId: attempt.deliveryId,
    attempt: attempt.attempt,
    sentAt: attempt.at.toISOString(),
    notification: {
      id: n.id,
      kind: n.kind,
      params: n.params,
      title: n.title,
      body: n.body,
      link: n.link,
      url: consoleUrl && n.link ? `${consoleUrl.replace(/\/?$/, '/')}${n.link}` : null,
      entityType: n.entityType,
      entityId: n.entityId,
      actorName: n.actorName,
      createdAt: n.createdAt.toISOString(),
    },
    recipient: user,
  };
}

/**
 * 外发 webhook: POSTs each notification as signed JSON to the office's receiver (a gateway to SMS or
 * WeCom). A non-2xx answer, a redirect, a network error or a timeout is a failed attempt.
 */
export class WebhookChannel implements NotificationChannel {
  readonly name = 'webhook';
  readonly outgoing = true;

  constructor(private readonly config: WebhookConfig) {}

  async deliver(n: Notification, user: Recipient, attempt: Attempt): Promise<void> {
    const body = JSON.stringify(webhookPayload(n, user, attempt, this.config.consoleUrl));
    const timestamp = Math.floor(attempt.at.getTime() / 1000);
    let res: Response;
    try {
      res = await fetch(this.config.url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.timeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'wydj-notifications/1',
          [WEBHOOK_HEADERS.signature]: signWebhook(this.config.secret, timestamp, body),
          [WEBHOOK_HEADERS.timestamp]: String(timestamp),
          [WEBHOOK_HEADERS.delivery]: String(attempt.deliveryId),
          [WEBHOOK_HEADERS.attempt]: String(attempt.attempt),
        },
        body,
      });
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      throw new Error(e.name === 'TimeoutError' ? `no answer within ${this.config.timeoutMs} ms` : `${e.cause?.code ?? e.name}: ${e.message}`);
    }
    // the body is not needed: read it away so the connection is released
    await res.arrayBuffer().catch(() => undefined);
    if (res.status < 200 || res.status >= 300) throw new Error(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  }
}
