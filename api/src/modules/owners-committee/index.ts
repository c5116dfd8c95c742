import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { OwnersCommittee } from './owners-committee.entity';
import { CompoundCommitteesResolver, OwnersCommitteeResolver } from './owners-committee.resolver';
import { OwnersCommitteeService } from './owners-committee.service';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit }: ModuleKit) => ({
  ownersCommittee: new OwnersCommitteeService(ds, tx, audit, { entity: OwnersCommittee, typeName: 'OwnersCommittee', searchColumns: [] }),
});

/** The refusal reasons its code throws (extensions.reason; see common/reasons.ts). */
const reasons = {
  PARTY_MEMBERS_OVER_MEMBERS: 'A committee counts more party members than members',
} as const;

/** 业主委员会 / 临时物业管理委员会 of a compound, term by term. */
export const ownersCommitteeModule: ApiModule = {
  name: 'owners-committee',
  entities: [OwnersCommittee],
  services,
  resolvers: [OwnersCommitteeResolver, CompoundCommitteesResolver],
  reasons,
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../../common/reasons' {
  interface ModuleReasons extends Record<keyof typeof reasons, true> {}
}
