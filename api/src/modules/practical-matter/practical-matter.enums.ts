import { registerEnumType } from 'type-graphql';

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

/** The ten matters 003 §2 names; OTHER for a 微实事 of another kind. */
export enum PracticalMatterCategory {
  SECURITY = 'SECURITY',
  CLEANING = 'CLEANING',
  FIRE_SAFETY = 'FIRE_SAFETY',
  EBIKE = 'EBIKE',
  ELEVATOR = 'ELEVATOR',
  PARKING = 'PARKING',
  DRAINAGE = 'DRAINAGE',
  ROAD = 'ROAD',
  LIGHTING = 'LIGHTING',
  GREENERY = 'GREENERY',
  OTHER = 'OTHER',
}
registerEnumType(PracticalMatterCategory, {
  name: 'PracticalMatterCategory',
  description: '003 §2: 保安、保洁、消防、电动车停放充电、电梯故障、车辆停放、下水道堵塞、路面破损、公共照明、绿地裸露',
  valuesConfig: {
    SECURITY: { description: '保安' },
    CLEANING: { description: '保洁' },
    FIRE_SAFETY: { description: '消防' },
    EBIKE: { description: '电动车停放充电' },
    ELEVATOR: { description: '电梯故障' },
    PARKING: { description: '车辆停放' },
    DRAINAGE: { description: '下水道堵塞' },
    ROAD: { description: '路面破损' },
    LIGHTING: { description: '公共照明' },
    GREENERY: { description: '绿地裸露' },
    OTHER: { description: '其他' },
  },
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
