import { daysBetween } from '../../common/dates';
import { CommitteeKind, type OwnersCommittee } from './owners-committee.entity';
import { CommitteeStanding, PARTY_STATUSES, type PoliticalStatus } from './committee.enums';

/*
 * The owners' committee rules as the documents state them, as pure functions of the records and a day:
 * - party share: at least half the members are party members (001 四(二)1 提高党员比例; 000 附件 二(二); the
 *   documents' targets ask ≥ 50%); below that the committee is flagged;
 * - re-election: due from the day the term ends (termEndsOn, inclusive) while the committee still serves;
 * - a 临时物业管理委员会 is to be pushed where the elected committee's term has ended without
 *   re-election, the last committee was dissolved, or none was ever formed (000 附件 二(二) 自治组织覆盖);
 * - satisfaction survey (001 二.4): under 50% the owners' meeting may vote on early re-election, and the
 *   vote is due until recorded;
 * - report meeting (001 二.3): the invitation is posted at least a week (7 days) ahead.
 */

export const PARTY_SHARE_MIN = 0.5;
export const SATISFACTION_MIN = 50;
export const INVITATION_DAYS = 7;

export const belowPartyShare = (c: Pick<OwnersCommittee, 'memberCount' | 'partyMemberCount'>): boolean =>
  Boolean(c.memberCount && c.partyMemberCount != null && c.partyMemberCount < c.memberCount * PARTY_SHARE_MIN);

export const partyShare = (c: Pick<OwnersCommittee, 'memberCount' | 'partyMemberCount'>): number | null =>
  c.memberCount && c.partyMemberCount != null ? Math.round((c.partyMemberCount / c.memberCount) * 10000) / 100 : null;

/** Serving on the day: formed by then and not dissolved before it. */
export const servesOn = (c: Pick<OwnersCommittee, 'formedOn' | 'dissolvedOn'>, day: string): boolean => c.formedOn <= day && (c.dissolvedOn === null || c.dissolvedOn >= day);

export const reElectionDue = (c: Pick<OwnersCommittee, 'kind' | 'formedOn' | 'dissolvedOn' | 'termEndsOn'>, day: string): boolean =>
  c.kind === CommitteeKind.ELECTED && c.termEndsOn !== null && c.termEndsOn <= day && servesOn(c, day);

/** Where a compound stands on the day, from all its committees. */
export function standing(committees: ReadonlyArray<Pick<OwnersCommittee, 'kind' | 'formedOn' | 'dissolvedOn' | 'termEndsOn'>>, day: string): CommitteeStanding {
  const serving = committees.filter((c) => servesOn(c, day));
  const elected = serving.find((c) => c.kind === CommitteeKind.ELECTED);
  if (elected) return reElectionDue(elected, day) ? CommitteeStanding.REELECTION_DUE : CommitteeStanding.IN_OFFICE;
  if (serving.length) return CommitteeStanding.PROVISIONAL;
  return committees.some((c) => c.formedOn <= day) ? CommitteeStanding.LAPSED : CommitteeStanding.NONE;
}

export const provisionalDue = (s: CommitteeStanding): boolean => s === CommitteeStanding.REELECTION_DUE || s === CommitteeStanding.LAPSED || s === CommitteeStanding.NONE;

export const earlyElectionVoteDue = (s: { satisfactionRate: number; voteHeldOn: string | null }): boolean => s.satisfactionRate < SATISFACTION_MIN && s.voteHeldOn === null;

/** Days of notice the invitation gave, or null when none was posted. */
export const noticeDays = (m: { heldOn: string; invitationPostedOn: string | null }): number | null => (m.invitationPostedOn ? daysBetween(m.invitationPostedOn, m.heldOn) : null);

export const isPartyMember = (m: { politicalStatus: PoliticalStatus }): boolean => PARTY_STATUSES.includes(m.politicalStatus);
