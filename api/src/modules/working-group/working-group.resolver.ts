import { ListSize } from '../../common/query-limits';
import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { EDITORS } from '../../common/roles';
import { LocalDate } from '../../common/scalars';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { Unit } from '../organization/unit.entity';
import { PolicyDocument } from '../policy/policy-document.entity';
import { Membership } from './membership.entity';
import { Person } from './person.entity';
import { Post } from './post.entity';
import { PostHolding } from './post-holding.entity';
import { holdingsByPerson, holdingsByPost, membersByGroup, membershipsByPerson, subGroups } from './working-group.loaders';
import {
  CreateMembershipArgs,
  CreatePersonArgs,
  CreatePostArgs,
  CreatePostHoldingArgs,
  CreateWorkingGroupArgs,
  MembershipFilter,
  PersonFilter,
  PostFilter,
  PostHoldingFilter,
  UpdateMembershipArgs,
  UpdatePersonArgs,
  UpdatePostArgs,
  UpdatePostHoldingArgs,
  UpdateWorkingGroupArgs,
  WorkingGroupFilter,
} from './working-group.inputs';
import { WorkingGroup } from './working-group.entity';

const asOfArg = { nullable: true, description: 'A date (YYYY-MM-DD); omitted = the whole history' } as const;

@Resolver(() => Person)
@Authorized()
export class PersonResolver extends createCrudResolver({
  type: Person,
  name: 'Person',
  plural: 'People',
  filter: PersonFilter,
  createArgs: CreatePersonArgs,
  updateArgs: UpdatePersonArgs,
  service: (ctx) => ctx.services.person,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => [PostHolding], { description: 'Posts held, with their periods' })
  postHoldings(@Root() p: Person, @Arg('asOf', () => LocalDate, asOfArg) asOf: string | null, @Ctx() ctx: AppContext) {
    return holdingsByPerson(ctx.loaders, asOf ?? null).load(p.id);
  }

  @FieldResolver(() => [Membership], { description: 'Seats in working groups' })
  memberships(@Root() p: Person, @Arg('asOf', () => LocalDate, asOfArg) asOf: string | null, @Ctx() ctx: AppContext) {
    return membershipsByPerson(ctx.loaders, asOf ?? null).load(p.id);
  }
}

@Resolver(() => Post)
@Authorized()
export class PostResolver extends createCrudResolver({
  type: Post,
  name: 'Post',
  plural: 'Posts',
  filter: PostFilter,
  createArgs: CreatePostArgs,
  updateArgs: UpdatePostArgs,
  service: (ctx) => ctx.services.post,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => Jurisdiction, { nullable: true })
  jurisdiction(@Root() p: Post, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Jurisdiction, p.jurisdictionId);
  }

  @FieldResolver(() => Unit, { nullable: true })
  unit(@Root() p: Post, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Unit, p.unitId);
  }

  @FieldResolver(() => [PostHolding], { description: 'Who held the post, and when' })
  holdings(@Root() p: Post, @Arg('asOf', () => LocalDate, asOfArg) asOf: string | null, @Ctx() ctx: AppContext) {
    return holdingsByPost(ctx.loaders, asOf ?? null).load(p.id);
  }
}

@Resolver(() => PostHolding)
@Authorized()
export class PostHoldingResolver extends createCrudResolver({
  type: PostHolding,
  name: 'PostHolding',
  plural: 'PostHoldings',
  filter: PostHoldingFilter,
  createArgs: CreatePostHoldingArgs,
  updateArgs: UpdatePostHoldingArgs,
  service: (ctx) => ctx.services.postHolding,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => Post)
  post(@Root() h: PostHolding, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Post, h.postId);
  }

  @FieldResolver(() => Person)
  person(@Root() h: PostHolding, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Person, h.personId);
  }
}

@Resolver(() => WorkingGroup)
@Authorized()
export class WorkingGroupResolver extends createCrudResolver({
  type: WorkingGroup,
  name: 'WorkingGroup',
  plural: 'WorkingGroups',
  filter: WorkingGroupFilter,
  createArgs: CreateWorkingGroupArgs,
  updateArgs: UpdateWorkingGroupArgs,
  service: (ctx) => ctx.services.workingGroup,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => PolicyDocument, { nullable: true })
  document(@Root() g: WorkingGroup, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(PolicyDocument, g.documentId);
  }

  @FieldResolver(() => WorkingGroup, { nullable: true })
  parent(@Root() g: WorkingGroup, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(WorkingGroup, g.parentId);
  }

  @FieldResolver(() => Unit, { nullable: true })
  hostUnit(@Root() g: WorkingGroup, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Unit, g.hostUnitId);
  }

  @FieldResolver(() => [WorkingGroup], { description: '下设: offices and sub-groups under this group' })
  subGroups(@Root() g: WorkingGroup, @Ctx() ctx: AppContext) {
    return subGroups(ctx.loaders).load(g.id);
  }

  @ListSize(100)
  @FieldResolver(() => [Membership], { description: 'The roster: by role as printed (组长 first), then published order' })
  members(@Root() g: WorkingGroup, @Arg('asOf', () => LocalDate, asOfArg) asOf: string | null, @Ctx() ctx: AppContext) {
    return membersByGroup(ctx.loaders, asOf ?? null).load(g.id);
  }
}

@Resolver(() => Membership)
@Authorized()
export class MembershipResolver extends createCrudResolver({
  type: Membership,
  name: 'Membership',
  plural: 'Memberships',
  filter: MembershipFilter,
  createArgs: CreateMembershipArgs,
  updateArgs: UpdateMembershipArgs,
  service: (ctx) => ctx.services.membership,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => WorkingGroup)
  group(@Root() m: Membership, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(WorkingGroup, m.groupId);
  }

  @FieldResolver(() => Person)
  person(@Root() m: Membership, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Person, m.personId);
  }

  @FieldResolver(() => Post, { nullable: true, description: 'The post the seat belongs to' })
  post(@Root() m: Membership, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Post, m.postId);
  }
}
