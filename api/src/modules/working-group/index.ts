import { SheetImporter } from '../../common/sheet-import/sheet-import';
import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { Membership } from './membership.entity';
import { MembershipService, rosterOrder } from './membership.service';
import { Person } from './person.entity';
import { PostHolding } from './post-holding.entity';
import { Post } from './post.entity';
import { rosterImport } from './roster-import.service';
import { mountRosterPrint } from './roster.http';
import { RosterPrintService } from './roster.print';
import { RosterResolver } from './roster.resolver';
import { SuccessionService } from './succession.service';
import { WorkingGroup } from './working-group.entity';
import { MembershipResolver, PersonResolver, PostHoldingResolver, PostResolver, WorkingGroupResolver } from './working-group.resolver';
import { PersonService, PostHoldingService, PostService, WorkingGroupService } from './working-group.service';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit }: ModuleKit) => {
  const workingGroup = new WorkingGroupService(ds, tx, audit, { entity: WorkingGroup, typeName: 'WorkingGroup' });
  return {
    person: new PersonService(ds, tx, audit, { entity: Person, typeName: 'Person' }),
    post: new PostService(ds, tx, audit, { entity: Post, typeName: 'Post', searchColumns: ['title'] }),
    postHolding: new PostHoldingService(ds, tx, audit, { entity: PostHolding, typeName: 'PostHolding', searchColumns: [] }),
    workingGroup,
    membership: new MembershipService(ds, tx, audit, { entity: Membership, typeName: 'Membership', searchColumns: [], defaultSort: rosterOrder }),
    succession: new SuccessionService(ds, tx, audit),
    rosterImport: new SheetImporter(rosterImport, ds, tx, audit),
    rosterPrint: new RosterPrintService(ds, workingGroup),
  };
};

/** The refusal reasons its code throws (extensions.reason; see common/reasons.ts). */
const reasons = {
  NOT_THE_CURRENT_SEATS: 'A reorder must list every current seat of the role in the group, each once',
  SUCCESSION_TOO_EARLY: 'A succession is dated on or before the day the current holder’s post or seat began',
  NOT_THE_HOLDER: 'The predecessor named does not hold the post on the succession date',
  SEVERAL_HOLDERS: 'Several people hold the post on the succession date: name the predecessor whose seats pass',
  ALREADY_HOLDS_POST: 'The successor is the one who holds the post on that date',
} as const;

/** 工作专班: groups, people, posts, rosters (imported from sheets), succession. */
export const workingGroupModule: ApiModule = {
  name: 'working-group',
  entities: [Person, Post, PostHolding, WorkingGroup, Membership],
  services,
  resolvers: [PersonResolver, PostResolver, PostHoldingResolver, WorkingGroupResolver, MembershipResolver, RosterResolver],
  reasons,
  http: (app, kit) => mountRosterPrint(app, kit),
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../../common/reasons' {
  interface ModuleReasons extends Record<keyof typeof reasons, true> {}
}
