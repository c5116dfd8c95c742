import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { PartyOrganization } from './party-organization.entity';
import { CompoundPartyOrganizationsResolver, PartyOrganizationResolver } from './party-organization.resolver';
import { PartyOrganizationService } from './party-organization.service';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit }: ModuleKit) => ({
  partyOrganization: new PartyOrganizationService(ds, tx, audit, { entity: PartyOrganization, typeName: 'PartyOrganization' }),
});

/** 党组织 set up in a compound. */
export const partyOrganizationModule: ApiModule = {
  name: 'party-organization',
  entities: [PartyOrganization],
  services,
  resolvers: [PartyOrganizationResolver, CompoundPartyOrganizationsResolver],
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}
