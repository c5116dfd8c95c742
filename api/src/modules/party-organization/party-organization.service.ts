import type { EntityManager } from 'typeorm';
import { CrudService } from '../../common/crud.service';
import { assertPeriod, type PeriodRule } from '../../common/periods';
import { PartyOrganization } from './party-organization.entity';
import type { PartyOrganizationFilter } from './party-organization.inputs';

/** One party organisation of a form per compound at a time. */
const PARTY_ORGANIZATION_PERIOD: PeriodRule<PartyOrganization> = {
  entity: PartyOrganization,
  from: 'formedOn',
  to: 'dissolvedOn',
  scope: ['compoundId', 'form'],
  field: 'formedOn',
  overlap: 'The compound already has such a party organisation in that period',
};

export class PartyOrganizationService extends CrudService<PartyOrganization, PartyOrganizationFilter> {
  protected async validate(em: EntityManager, next: PartyOrganization, before: PartyOrganization | null): Promise<void> {
    await assertPeriod(em, PARTY_ORGANIZATION_PERIOD, next, before?.id);
  }
}
