import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Actor } from '../../common/context';
import { CrudService, notBefore } from '../../common/crud.service';
import { badInput } from '../../common/errors';
import { writeLock } from '../../common/transactions';
import { PARTY_STATUSES } from './committee.enums';
import { CommitteeMember } from './committee-member.entity';
import type { CommitteeMemberFilter } from './owners-committee.inputs';
import { OwnersCommittee } from './owners-committee.entity';

/**
 * 业委会成员: a member's dates in order, a suspension with its reason, and the committee's member
 * and party-member counts kept from the members who have not left (a suspended member still counts
 * until the owners' meeting ends the membership), in the same transaction as the change.
 */
export class CommitteeMemberService extends CrudService<CommitteeMember, CommitteeMemberFilter> {
  protected applyFilter(qb: SelectQueryBuilder<CommitteeMember>, filter: CommitteeMemberFilter): void {
    const { suspended, ...rest } = filter;
    super.applyFilter(qb, rest);
    if (suspended != null) qb.andWhere(suspended ? 'e.suspendedOn IS NOT NULL AND e.removedOn IS NULL' : 'NOT (e.suspendedOn IS NOT NULL AND e.removedOn IS NULL)');
  }

  protected async validate(em: EntityManager, next: CommitteeMember, before: CommitteeMember | null): Promise<void> {
    if (before && next.committeeId !== before.committeeId) throw badInput('committeeId', 'A member stays with the committee they were elected to: record them on the new one', 'BELONGS_ELSEWHERE');
    const committee = await em.findOneOrFail(OwnersCommittee, { where: { id: next.committeeId }, ...writeLock(em) });
    if (!notBefore(next.servedTo, next.servedFrom)) throw badInput('servedTo', 'servedTo must not be before servedFrom', 'END_BEFORE_START');
    if (next.servedFrom && next.servedFrom < committee.formedOn)
      throw badInput('servedFrom', `The committee was formed on ${committee.formedOn}: a member serves from then at the earliest`, 'BEFORE_FORMED');
    if (next.suspendedOn && !next.suspensionReason?.trim()) throw badInput('suspensionReason', 'Say what the member did: the negative list names the misconduct', 'REQUIRED');
    if (!next.suspendedOn && next.suspensionReason) next.suspensionReason = null;
    if (!notBefore(next.removedOn, next.servedFrom ?? committee.formedOn)) throw badInput('removedOn', 'removedOn must not be before the member began to serve', 'END_BEFORE_START');
  }

  protected async saveChildren(em: EntityManager, saved: CommitteeMember): Promise<void> {
    await recountMembers(em, saved.committeeId);
  }

  async delete(id: number, actor: Actor): Promise<CommitteeMember> {
    return this.tx.run(async (em) => {
      const gone = await super.delete(id, actor);
      await recountMembers(em, gone.committeeId);
      return gone;
    });
  }
}

/** The committee's counts from its members who have not left; a committee without members keeps the typed counts. */
export async function recountMembers(em: EntityManager, committeeId: number): Promise<void> {
  const members = await em.find(CommitteeMember, { where: { committeeId } });
  if (!members.length) return;
  const serving = members.filter((m) => m.removedOn === null);
  await em.update(OwnersCommittee, { id: committeeId }, { memberCount: serving.length, partyMemberCount: serving.filter((m) => PARTY_STATUSES.includes(m.politicalStatus)).length });
}
