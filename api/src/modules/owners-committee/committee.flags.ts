import type { DataSource } from 'typeorm';
import type { CompoundFlagDef } from '../organization/compound-flags';
import { CommitteeKind, OwnersCommittee } from './owners-committee.entity';
import { CommitteeSurvey } from './committee-survey.entity';
import { SATISFACTION_MIN } from './committee.rules';

/*
 * The committee rules of committee.rules.ts as conditions on a compound (alias `e`) on the day `:asOf`,
 * for the compound list's filters and the compound page (organization/compound-flags.ts); the ledger
 * test checks each against the rule functions on the same records.
 */
const committees = (ds: DataSource) => ds.getMetadata(OwnersCommittee).tableName;
const serving = (o: string) => `${o}.compoundId = e.id AND ${o}.formedOn <= :asOf AND (${o}.dissolvedOn IS NULL OR ${o}.dissolvedOn >= :asOf)`;

export const COMMITTEE_FLAGS: CompoundFlagDef[] = [
  {
    flag: 'NO_COMMITTEE',
    description: '无业主自治组织: no committee or provisional committee serves (never formed, or the last one lapsed): a 临时物业管理委员会 is to be pushed (000 附件 二(二), 004 二(二))',
    condition: (ds) => `NOT EXISTS (SELECT 1 FROM ${committees(ds)} o WHERE ${serving('o')})`,
  },
  {
    flag: 'REELECTION_DUE',
    description: '换届到期: the serving elected committee’s term has ended (from termEndsOn on) without re-election (001 四(二))',
    condition: (ds) => `EXISTS (SELECT 1 FROM ${committees(ds)} o WHERE ${serving('o')} AND o.kind = '${CommitteeKind.ELECTED}' AND o.termEndsOn IS NOT NULL AND o.termEndsOn <= :asOf)`,
  },
  {
    flag: 'BELOW_PARTY_SHARE',
    description: '党员比例不足50%: fewer than half the serving committee’s members are party members (001 四(二)1, 000 附件 二(二))',
    condition: (ds) => `EXISTS (SELECT 1 FROM ${committees(ds)} o WHERE ${serving('o')} AND o.memberCount > 0 AND o.partyMemberCount IS NOT NULL AND o.partyMemberCount * 2 < o.memberCount)`,
  },
  {
    flag: 'EARLY_ELECTION_VOTE_DUE',
    description: `提前换届表决: a satisfaction survey of the serving committee under ${SATISFACTION_MIN}% has no owners’ vote recorded yet (001 二.4)`,
    condition: (ds) =>
      `EXISTS (SELECT 1 FROM ${ds.getMetadata(CommitteeSurvey).tableName} s JOIN ${committees(ds)} o ON o.id = s.committeeId WHERE ${serving('o')} AND s.surveyedOn <= :asOf AND s.satisfactionRate < ${SATISFACTION_MIN} AND (s.voteHeldOn IS NULL OR s.voteHeldOn > :asOf))`,
  },
];
