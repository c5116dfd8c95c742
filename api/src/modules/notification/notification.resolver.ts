import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { ListSize } from '../../common/query-limits';
import { Notification } from './notification.entity';

const me = (ctx: AppContext): number => ctx.user!.id;

/**
 * The signed-in user's own notifications: the bell's count, the list, marking read. Each field names
 * only `ctx.user`; there is no argument that reaches another user's. Marking read is the user's own
 * state, not a record of the office: it writes no audit event (api/test/modules/notification/expectations.ts).
 */
@Resolver(() => Notification)
@Authorized()
export class NotificationResolver {
  @Query(() => [Notification], { description: 'The signed-in user’s notifications, newest first (perPage 1–100, default 20)' })
  myNotifications(
    @Ctx() ctx: AppContext,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @Arg('page', () => Int, { nullable: true, description: '0-based page number' }) page?: number,
    @Arg('perPage', () => Int, { nullable: true, description: 'Rows per page (1–100, default 20)' }) perPage?: number,
  ) {
    return ctx.services.notification.mine(me(ctx), { unreadOnly, page, perPage });
  }

  @Query(() => Int, { description: 'How many of the signed-in user’s notifications are unread (the bell; one indexed count)' })
  myUnreadNotificationCount(@Ctx() ctx: AppContext) {
    return ctx.services.notification.count(me(ctx), true);
  }

  @Query(() => Int, { description: 'How many notifications the signed-in user has (all, or the unread ones): the notification page’s pager' })
  myNotificationCount(@Ctx() ctx: AppContext, @Arg('unreadOnly', () => Boolean, { defaultValue: false }) unreadOnly: boolean) {
    return ctx.services.notification.count(me(ctx), unreadOnly);
  }

  @ListSize(100)
  @Mutation(() => [Notification], { description: 'Marks these of the signed-in user’s notifications read (at most 100); an id that is not theirs is NOT_FOUND and nothing is marked' })
  markNotificationsRead(@Ctx() ctx: AppContext, @Arg('ids', () => [ID]) ids: string[]) {
    return ctx.services.notification.markRead(me(ctx), ids);
  }

  @Mutation(() => Int, { description: 'Marks every unread notification of the signed-in user read; returns how many' })
  markAllNotificationsRead(@Ctx() ctx: AppContext) {
    return ctx.services.notification.markAllRead(me(ctx));
  }
}
