import { Arg, Args, Authorized, Ctx, Field, ID, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createReadResolver } from '../../common/crud.resolver';
import { toId } from '../../common/errors';
import { FACT_KEEPERS } from '../../common/roles';
import { NoticeLink } from './notice-link.entity';
import { CreateNoticeLinkArgs, NoticeLinkFilter } from './notice.inputs';

@ObjectType({ description: 'A new notice link and its address, shown this once (only a hash of its token is kept)' })
export class NewNoticeLink {
  @Field(() => NoticeLink)
  link: NoticeLink;

  @Field({ description: 'The path to share, e.g. /notice/Xy…; add .pdf for the PDF' })
  path: string;
}

@Resolver(() => NoticeLink)
@Authorized()
export class NoticeLinkResolver extends createReadResolver({ type: NoticeLink, name: 'NoticeLink', plural: 'NoticeLinks', filter: NoticeLinkFilter, service: (ctx) => ctx.services.noticeLink }) {
  // the office shares its editions; a community's staff share their compounds' committee boards (scope: writes 'fact')
  @Authorized(...FACT_KEEPERS)
  @Mutation(() => NewNoticeLink, { description: '公示链接: makes a link that opens the printable notice without signing in; the path is answered once' })
  async createNoticeLink(@Args(() => CreateNoticeLinkArgs, { validate: true }) args: CreateNoticeLinkArgs, @Ctx() ctx: AppContext): Promise<NewNoticeLink> {
    const { link, token } = await ctx.services.noticeLink.makeLink(args.kind, toId(args.targetId, 'targetId'), ctx);
    return Object.assign(new NewNoticeLink(), { link, path: `/notice/${token}` });
  }

  @Authorized(...FACT_KEEPERS)
  @Mutation(() => NoticeLink, { description: 'Revokes a notice link: it opens nothing from today' })
  revokeNoticeLink(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext) {
    return ctx.services.noticeLink.revoke(toId(id), ctx);
  }
}
