import { registerEnumType } from 'type-graphql';

/** 业委会职务 (001 二.5: 业委会职务 on the member board). */
export enum CommitteeRole {
  DIRECTOR = 'DIRECTOR',
  DEPUTY_DIRECTOR = 'DEPUTY_DIRECTOR',
  MEMBER = 'MEMBER',
}
registerEnumType(CommitteeRole, { name: 'CommitteeRole', description: '主任 / 副主任 / 委员' });

/** 政治面貌 (001 二.5). Party members (中共党员 and 预备党员) count towards the committee's party share. */
export enum PoliticalStatus {
  CPC_MEMBER = 'CPC_MEMBER',
  CPC_PROBATIONARY = 'CPC_PROBATIONARY',
  LEAGUE_MEMBER = 'LEAGUE_MEMBER',
  DEMOCRATIC_PARTY = 'DEMOCRATIC_PARTY',
  NON_PARTY = 'NON_PARTY',
  MASSES = 'MASSES',
}
registerEnumType(PoliticalStatus, { name: 'PoliticalStatus', description: '中共党员 / 中共预备党员 / 共青团员 / 民主党派 / 无党派人士 / 群众' });

export const PARTY_STATUSES: readonly PoliticalStatus[] = [PoliticalStatus.CPC_MEMBER, PoliticalStatus.CPC_PROBATIONARY];

/** 表决结果: what the owners' meeting decided on early re-election (001 二.4). */
export enum EarlyElectionVote {
  EARLY_REELECTION = 'EARLY_REELECTION',
  CONTINUE = 'CONTINUE',
}
registerEnumType(EarlyElectionVote, { name: 'EarlyElectionVote', description: '提前换届 / 继续履职' });

/** Where a compound stands with its owners' committee on a day (committee.rules.ts). */
export enum CommitteeStanding {
  IN_OFFICE = 'IN_OFFICE',
  PROVISIONAL = 'PROVISIONAL',
  REELECTION_DUE = 'REELECTION_DUE',
  LAPSED = 'LAPSED',
  NONE = 'NONE',
}
registerEnumType(CommitteeStanding, {
  name: 'CommitteeStanding',
  description:
    'IN_OFFICE: an elected committee within its term; PROVISIONAL: a 临时物业管理委员会 serves; REELECTION_DUE: the elected committee’s term has ended and no successor is formed; LAPSED: the last committee was dissolved and none serves; NONE: none was ever formed',
});
