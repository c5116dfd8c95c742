import { registerEnumType } from 'type-graphql';

/** What earns an award under a programme. */
export enum IncentiveTrigger {
  /** 000 三(四): a “党建+物业” demonstration site accepted by the superior department and the street. */
  DEMONSTRATION_SITE_ACCEPTED = 'DEMONSTRATION_SITE_ACCEPTED',
  /** 004 二(二): 以奖代补 for a community that has an owners' committee formed. */
  OWNERS_COMMITTEE_FORMED = 'OWNERS_COMMITTEE_FORMED',
}
registerEnumType(IncentiveTrigger, { name: 'IncentiveTrigger', description: 'What earns an award: 示范点验收通过 (000), 业委会组建 以奖代补 (004)' });

/** Who receives a rule line's amount, resolved from the award case. */
export enum RecipientRole {
  /** 物业服务企业: the property company of the case. */
  PROPERTY_COMPANY = 'PROPERTY_COMPANY',
  /** 所属社区: the community the site lies in. */
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(RecipientRole, { name: 'RecipientRole', description: '物业服务企业 or 所属社区' });

/** 示范点创建验收: the stages of an award case. */
export enum AwardCaseStatus {
  APPLIED = 'APPLIED',
  INSPECTED = 'INSPECTED',
  SUPERIOR_ACCEPTED = 'SUPERIOR_ACCEPTED',
  STREET_ACCEPTED = 'STREET_ACCEPTED',
  REJECTED = 'REJECTED',
}
registerEnumType(AwardCaseStatus, {
  name: 'AwardCaseStatus',
  description: '申报 → 检查 → 上级部门验收通过 → 街道验收通过, or 未通过 (a rejected case may re-apply)',
});

/** 奖励发放: the life of a payout. */
export enum PayoutStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  PAID = 'PAID',
  REJECTED = 'REJECTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(PayoutStatus, { name: 'PayoutStatus', description: '草稿 → 已提交 → 已审批 → 已发放, or 退回 / 作废' });

/** Statuses whose amount counts against the budget as committed. */
export const COMMITTED: readonly PayoutStatus[] = [PayoutStatus.APPROVED, PayoutStatus.PAID];
