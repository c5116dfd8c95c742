import { registerEnumType } from 'type-graphql';

/** 用户角色: what a signed-in user may do. */
export enum Role {
  /** 系统管理员: everything, including users. */
  ADMIN = 'ADMIN',
  /** 党建办: edits documents, organisations and rosters. */
  PARTY_OFFICE = 'PARTY_OFFICE',
  /** 责任单位工作人员: tied to one unit; reads, reports on its own tasks. */
  UNIT_STAFF = 'UNIT_STAFF',
  /** 审计: reads everything, changes nothing. */
  AUDITOR = 'AUDITOR',
}
registerEnumType(Role, { name: 'Role', description: 'What a signed-in user may do' });

/** Roles that may edit the reference data (documents, organisations, rosters). */
export const EDITORS = [Role.ADMIN, Role.PARTY_OFFICE] as const;

/** Roles that record facts about compounds: the office, and a community's own staff within their community (common/scope.ts). */
export const FACT_KEEPERS = [Role.ADMIN, Role.PARTY_OFFICE, Role.UNIT_STAFF] as const;
