import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../auth/user.entity';

/**
 * 消息提醒: one notification for one user (an approval waiting for them, a complaint handed to their
 * unit…), written by the sending module inside its own transaction (`notify`). It belongs to its user
 * alone, as an idempotency key does: it is not an office's record (no @Owned), and every read and
 * write names the signed-in user (notification.service.ts), so nobody else, of any office or role,
 * reads or marks it.
 */
@ObjectType({ description: '消息提醒: a notification for the signed-in user' })
@Entity('notification')
@Index('ix_notification_user_read', ['userId', 'readAt'])
@Index('uq_notification_user_dedupe', ['userId', 'dedupeKey'], { unique: true })
export class Notification {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  /** Whose it is. */
  @Column({ type: 'int' })
  userId: number;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  userRel?: User;

  @Field({ description: 'What it is about: a code declared by the sending module (PAYOUT_SUBMITTED, COMPLAINT_ASSIGNED…); the console translates by it with `params`' })
  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'text', nullable: true })
  paramsJson: string | null;

  @Field({ description: 'The line in plain Chinese, for a client that does not know the kind (and for outgoing channels)' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true, description: 'Free text the sender added (a reason, a note), shown as written' })
  @Column({ type: 'text', nullable: true })
  body: string | null;

  @Field(() => String, { nullable: true, description: 'Where it leads in the console: a hash route such as #/Payout/12/show' })
  @Column({ type: 'varchar', length: 200, nullable: true })
  link: string | null;

  @Field({ description: 'The record it is about (a GraphQL type name)' })
  @Column({ type: 'varchar', length: 50 })
  entityType: string;

  @Field()
  @Column({ type: 'varchar', length: 50 })
  entityId: string;

  /** Who caused it (never notified of their own act). */
  @Column({ type: 'int', nullable: true })
  actorId: number | null;

  @Field(() => String, { nullable: true, description: 'Who caused it, by their display name at the time (null: the system)' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  actorName: string | null;

  /** The same key for the same user makes one row (a reminder sent twice on one day): UNIQUE (userId, dedupeKey). */
  @Column({ type: 'varchar', length: 150, nullable: true })
  dedupeKey: string | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the user read it (opened it, or marked it read); null: unread' })
  @Column({ type: 'datetime', nullable: true })
  readAt: Date | null;

  @Field(() => GraphQLJSON, { description: 'The values its line is written with (names, amounts, dates), by the kind’s parameter names' })
  get params(): Record<string, string> {
    return this.paramsJson ? (JSON.parse(this.paramsJson) as Record<string, string>) : {};
  }

  @Field({ description: 'Whether the user has read it' })
  get read(): boolean {
    return this.readAt !== null;
  }
}

/** Where an outgoing delivery stands. */
export enum DeliveryStatus {
  PENDING = 'PENDING',
  DELIVERED = 'DELIVERED',
  /** Given up after the last attempt; `lastError` says why. */
  FAILED = 'FAILED',
}

/**
 * The outbox of the outgoing channels (the webhook): one row per notification and channel, written
 * with the notification in the sender's transaction and delivered after it commits by the delivery
 * worker (notification.deliveries.ts), retried with backoff until delivered or out of attempts.
 * Nothing in the API reads it; it is the system's own.
 */
@Entity('notification_delivery')
@Index('ix_notification_delivery_due', ['status', 'nextAttemptAt'])
@Index('ix_notification_delivery_notification', ['notificationId'])
export class NotificationDelivery {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'int' })
  notificationId: number;

  @ManyToOne(() => Notification, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'notificationId' })
  notificationRel?: Notification;

  /** The channel's name (`webhook`). */
  @Column({ type: 'varchar', length: 32 })
  channel: string;

  @Column({ type: 'varchar', length: 16 })
  status: DeliveryStatus;

  /** Attempts made (or under way) so far. */
  @Column({ type: 'int', default: 0 })
  attempts: number;

  /** When it is next due (whole seconds); while an attempt runs, when that attempt's claim lapses. Null once delivered or given up. */
  @Column({ type: 'datetime', nullable: true })
  nextAttemptAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  lastError: string | null;

  @Column({ type: 'datetime', nullable: true })
  deliveredAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
