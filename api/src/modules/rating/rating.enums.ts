import { registerEnumType } from 'type-graphql';

/** What a scheme rates (003 lists managers, guards, party branches and committees besides companies). */
export enum RatedSubjectKind {
  /** 物业服务企业 */
  PROPERTY_COMPANY = 'PROPERTY_COMPANY',
  /** 物业经理 */
  PROPERTY_MANAGER = 'PROPERTY_MANAGER',
  /** 保安 */
  SECURITY_GUARD = 'SECURITY_GUARD',
  /** 小区党支部 */
  PARTY_BRANCH = 'PARTY_BRANCH',
  /** 业主委员会 */
  OWNERS_COMMITTEE = 'OWNERS_COMMITTEE',
}
registerEnumType(RatedSubjectKind, { name: 'RatedSubjectKind', description: '物业服务企业 / 物业经理 / 保安 / 小区党支部 / 业主委员会' });

export enum RatingPeriodKind {
  /** 每季 (002) */
  QUARTER = 'QUARTER',
  /** 每半年 (001) */
  HALF_YEAR = 'HALF_YEAR',
}
registerEnumType(RatingPeriodKind, {
  name: 'RatingPeriodKind',
  description: 'Quarterly (002) or half-yearly (001)',
  valuesConfig: { QUARTER: { description: '每季: a quarter (002)' }, HALF_YEAR: { description: '每半年: a half-year (001)' } },
});

/** 红黑榜 standing computed from a rating. */
export enum ListStatus {
  RED = 'RED',
  BLACK = 'BLACK',
  NONE = 'NONE',
}
registerEnumType(ListStatus, {
  name: 'ListStatus',
  description: '红榜 / 黑榜 / neither',
  valuesConfig: {
    RED: { description: '红榜: the red (commended) list' },
    BLACK: { description: '黑榜: the black list; a listed company may not bid until its rectification is accepted (002)' },
    NONE: { description: 'On neither list' },
  },
});
