import { registerEnumType } from 'type-graphql';
import { TEN_MATTER_KEYS, tenMatterDescriptions } from '../../common/ten-matters';

/** 实事: one of 003 §2's ten practical matters, or a 微实事 of 004 二(十). */
export enum PracticalMatterKind {
  TEN_MATTERS = 'TEN_MATTERS',
  MICRO_PROJECT = 'MICRO_PROJECT',
}
registerEnumType(PracticalMatterKind, {
  name: 'PracticalMatterKind',
  description: '十件实事 (003 §2) / 微实事 (004 二(十))',
  valuesConfig: { TEN_MATTERS: { description: '十件实事' }, MICRO_PROJECT: { description: '微实事' } },
});

/** The ten matters 003 §2 names (common/ten-matters.ts); OTHER for a 微实事 of another kind. */
export const PracticalMatterCategory = { ...TEN_MATTER_KEYS, OTHER: 'OTHER' } as const;
export type PracticalMatterCategory = (typeof PracticalMatterCategory)[keyof typeof PracticalMatterCategory];
registerEnumType(PracticalMatterCategory, {
  name: 'PracticalMatterCategory',
  description: '003 §2: 保安、保洁、消防、电动车停放充电、电梯故障、车辆停放、下水道堵塞、路面破损、公共照明、绿地裸露',
  valuesConfig: { ...tenMatterDescriptions(), OTHER: { description: '其他' } },
});

/** 立项 → 推进 → 销号 (closed with evidence). */
export enum PracticalMatterStatus {
  OPEN = 'OPEN',
  IN_PROGRESS = 'IN_PROGRESS',
  CLOSED = 'CLOSED',
}
registerEnumType(PracticalMatterStatus, {
  name: 'PracticalMatterStatus',
  description: '立项 → 推进 → 销号',
  valuesConfig: { OPEN: { description: '已立项' }, IN_PROGRESS: { description: '推进中' }, CLOSED: { description: '已销号: done, with evidence' } },
});
