import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { CrudService, notBefore } from '../../common/crud.service';
import { assertPeriod, type PeriodRule } from '../../common/periods';
import { badInput, toId } from '../../common/errors';
import { Compound } from '../organization/compound.entity';
import { PARTY_SHARE_MIN } from './committee.rules';
import { CommitteeMember } from './committee-member.entity';
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

/**
 * 业委会: a term's dates in order (formed, filed, term end, dissolved), party members no more than
 * members, one committee of a kind at a time; once members are recorded the counts are theirs.
 */
export class OwnersCommitteeService extends CrudService<OwnersCommittee, OwnersCommitteeFilter> {
  protected applyFilter(qb: SelectQueryBuilder<OwnersCommittee>, filter: OwnersCommitteeFilter): void {
    const { communityId, belowPartyShare, reElectionDueOn, servingOn, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (communityId != null)
      qb.andWhere(`e.compoundId IN (${qb.subQuery().select('c.id').from(Compound, 'c').where('c.communityId = :f_community').getQuery()})`, { f_community: toId(communityId, 'filter.communityId') });
    if (belowPartyShare != null) {
      const below = `(e.memberCount > 0 AND e.partyMemberCount IS NOT NULL AND e.partyMemberCount < e.memberCount * ${PARTY_SHARE_MIN})`;
      qb.andWhere(belowPartyShare ? below : `NOT ${below}`);
    }
    for (const [day, param] of [
      [servingOn, 'f_serving'],
      [reElectionDueOn, 'f_due'],
    ] as const) {
      if (day == null) continue;
      qb.andWhere(`e.formedOn <= :${param} AND (e.dissolvedOn IS NULL OR e.dissolvedOn >= :${param})`, { [param]: day });
    }
    if (reElectionDueOn != null) qb.andWhere("e.kind = 'ELECTED' AND e.termEndsOn IS NOT NULL AND e.termEndsOn <= :f_due");
  }

  protected async validate(em: EntityManager, next: OwnersCommittee, before: OwnersCommittee | null): Promise<void> {
    if (before && (next.memberCount !== before.memberCount || next.partyMemberCount !== before.partyMemberCount) && (await em.existsBy(CommitteeMember, { committeeId: before.id }))) {
      const field = next.memberCount !== before.memberCount ? 'memberCount' : 'partyMemberCount';
      throw badInput(field, 'The committee’s members are recorded: the counts follow them (add, change or remove members instead)', 'COUNTS_FROM_MEMBERS');
    }
    if (next.partyMemberCount != null && next.memberCount != null && next.partyMemberCount > next.memberCount) {
      throw badInput('partyMemberCount', 'partyMemberCount cannot exceed memberCount', 'PARTY_MEMBERS_OVER_MEMBERS');
    }
    if (next.termEndsOn !== null && next.termEndsOn !== undefined && next.termEndsOn <= next.formedOn) throw badInput('termEndsOn', 'The term ends after the committee is formed', 'END_BEFORE_START');
    if (!notBefore(next.filedOn, next.formedOn)) throw badInput('filedOn', 'A committee is filed (备案) after it is formed', 'END_BEFORE_START');
    await assertPeriod(em, COMMITTEE_PERIOD, next, before?.id);
  }
}
