import type { EntityManager } from 'typeorm';
import { CrudService } from '../../common/crud.service';
import { assertPeriod, type PeriodRule } from '../../common/periods';
import { badInput } from '../../common/errors';
import { OwnersCommittee } from './owners-committee.entity';
import type { OwnersCommitteeFilter } from './owners-committee.inputs';

/** One committee of a kind per compound at a time. */
const COMMITTEE_PERIOD: PeriodRule<OwnersCommittee> = {
  entity: OwnersCommittee,
  from: 'formedOn',
  to: 'dissolvedOn',
  scope: ['compoundId', 'kind'],
  field: 'formedOn',
  overlap: 'The compound already has such a committee in that period',
};

/** 业委会: a term's dates in order, party members no more than members, one elected committee at a time. */
export class OwnersCommitteeService extends CrudService<OwnersCommittee, OwnersCommitteeFilter> {
  protected async validate(em: EntityManager, next: OwnersCommittee, before: OwnersCommittee | null): Promise<void> {
    if (next.partyMemberCount != null && next.memberCount != null && next.partyMemberCount > next.memberCount) {
      throw badInput('partyMemberCount', 'partyMemberCount cannot exceed memberCount', 'PARTY_MEMBERS_OVER_MEMBERS');
    }
    await assertPeriod(em, COMMITTEE_PERIOD, next, before?.id);
  }
}
