import { registerEnumType } from 'type-graphql';
import { GROUP_ROLE_LABELS } from './roster.sheet';

/** 组内职务: the role a member holds in a working group, in the order rosters print them. */
export enum GroupRole {
  LEADER = 'LEADER', // 组长
  EXECUTIVE_DEPUTY = 'EXECUTIVE_DEPUTY', // 常务副组长
  DEPUTY = 'DEPUTY', // 副组长
  MEMBER = 'MEMBER', // 成员
  GROUP_MEMBER = 'GROUP_MEMBER', // 组员
  DIRECTOR = 'DIRECTOR', // 主任 (of an office)
  DEPUTY_DIRECTOR = 'DEPUTY_DIRECTOR', // 副主任
}

/** The Chinese label as rosters print it (组 长 → 组长); both languages' labels are in roster.sheet.ts. */
export const ROLE_LABEL = Object.fromEntries(Object.values(GroupRole).map((r) => [r, GROUP_ROLE_LABELS[r].zh])) as Record<GroupRole, string>;

registerEnumType(GroupRole, {
  name: 'GroupRole',
  description: '组内职务',
  valuesConfig: Object.fromEntries(Object.entries(ROLE_LABEL).map(([role, label]) => [role, { description: label }])),
});

/** Printed rosters list roles in this order; within a role, by published order. */
export const ROLE_RANK: Record<GroupRole, number> = {
  LEADER: 1,
  EXECUTIVE_DEPUTY: 2,
  DEPUTY: 3,
  DIRECTOR: 4,
  DEPUTY_DIRECTOR: 5,
  MEMBER: 6,
  GROUP_MEMBER: 7,
};

/** 工作组类别 */
export enum GroupKind {
  /** 领导小组 / 工作专班 */
  GROUP = 'GROUP',
  /** 办公室 (under a group) */
  OFFICE = 'OFFICE',
  /** 下设小组, e.g. 综合协调组 */
  SUB_GROUP = 'SUB_GROUP',
}
registerEnumType(GroupKind, { name: 'GroupKind', description: '工作专班 / 办公室 / 下设小组' });
