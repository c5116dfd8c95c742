import { registerEnumType } from 'type-graphql';

/** 行政区划层级 */
export enum JurisdictionLevel {
  PROVINCE = 'PROVINCE',
  CITY = 'CITY',
  COUNTY = 'COUNTY',
  TOWNSHIP = 'TOWNSHIP',
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(JurisdictionLevel, {
  name: 'JurisdictionLevel',
  description: '省 / 市 / 县级市·区 / 街道·镇 / 社区·村',
  valuesConfig: {
    PROVINCE: { description: '省' },
    CITY: { description: '市' },
    COUNTY: { description: '县级市、区' },
    TOWNSHIP: { description: '街道、镇' },
    COMMUNITY: { description: '社区、村' },
  },
});

/** The order levels nest in: a child is exactly one step below its parent. */
export const LEVEL_DEPTH: Record<JurisdictionLevel, number> = {
  PROVINCE: 0,
  CITY: 1,
  COUNTY: 2,
  TOWNSHIP: 3,
  COMMUNITY: 4,
};

/** 单位类别 */
export enum UnitKind {
  /** 党政机关科室, e.g. 党建办, 社区发展办 */
  OFFICE = 'OFFICE',
  /** 派驻站所, e.g. 青阳派出所, 青阳市管所, 司法所 */
  STATION = 'STATION',
  /** 社区居委会 / 村委会 */
  COMMUNITY = 'COMMUNITY',
  /** 服务中心 / 岗位, e.g. 基层治理服务中心 */
  CENTER = 'CENTER',
  /** 上级部门, e.g. 区住建局 */
  DEPARTMENT = 'DEPARTMENT',
  OTHER = 'OTHER',
}
registerEnumType(UnitKind, { name: 'UnitKind', description: 'What kind of responsible unit this is' });

/** 物业管理模式 of a compound */
export enum ManagementMode {
  /** 专业化物业服务 */
  PROFESSIONAL = 'PROFESSIONAL',
  /** 国企承接 */
  STATE_OWNED = 'STATE_OWNED',
  /** 业主自治管理 */
  SELF_MANAGED = 'SELF_MANAGED',
  /** 社区兜底 */
  COMMUNITY_FALLBACK = 'COMMUNITY_FALLBACK',
  /** 无物业 */
  NONE = 'NONE',
}
registerEnumType(ManagementMode, { name: 'ManagementMode', description: '物业管理模式' });

/** Modes in which a property company serves the compound. */
export const MODES_WITH_COMPANY: ManagementMode[] = [ManagementMode.PROFESSIONAL, ManagementMode.STATE_OWNED];
