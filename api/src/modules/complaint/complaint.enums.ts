import { registerEnumType } from 'type-graphql';
import { TEN_MATTER_KEYS, tenMatterDescriptions } from '../../common/ten-matters';

/** 投诉办理: received, assigned to a responsible unit, handled (with the result), closed after the follow-up. */
export enum ComplaintStatus {
  RECEIVED = 'RECEIVED',
  ASSIGNED = 'ASSIGNED',
  HANDLED = 'HANDLED',
  CLOSED = 'CLOSED',
}
registerEnumType(ComplaintStatus, {
  name: 'ComplaintStatus',
  description: '受理 → 转办 → 办结 → 回访关闭',
  valuesConfig: {
    RECEIVED: { description: '已受理' },
    ASSIGNED: { description: '已转办: a responsible unit handles it' },
    HANDLED: { description: '已办结: the unit recorded what it did' },
    CLOSED: { description: '已关闭: followed up, or not accepted (with a reason)' },
  },
});

/** 来源渠道: 12345, 信访, 网格 (the grid workers and the 网格服务 mini-programme, 004 二(三)), 来电, 来访… */
export enum ComplaintChannel {
  HOTLINE_12345 = 'HOTLINE_12345',
  PETITION = 'PETITION',
  GRID = 'GRID',
  PHONE = 'PHONE',
  VISIT = 'VISIT',
  ONLINE = 'ONLINE',
  OTHER = 'OTHER',
}
registerEnumType(ComplaintChannel, {
  name: 'ComplaintChannel',
  description: '12345 便民服务热线 / 信访 / 网格 / 来电 / 来访 / 网络 / 其他',
  valuesConfig: {
    HOTLINE_12345: { description: '12345 便民服务热线' },
    PETITION: { description: '信访' },
    GRID: { description: '网格: reported by a grid worker or through the 网格服务 mini-programme' },
    PHONE: { description: '来电' },
    VISIT: { description: '来访' },
    ONLINE: { description: '网络' },
    OTHER: { description: '其他' },
  },
});

/** 问题类别: the ten matters 003 §2 names (common/ten-matters.ts), then what else complaints about property service are about. */
export const ComplaintCategory = {
  ...TEN_MATTER_KEYS,
  FEES: 'FEES',
  PUBLIC_REVENUE: 'PUBLIC_REVENUE',
  SERVICE: 'SERVICE',
  DISPUTE: 'DISPUTE',
  OTHER: 'OTHER',
} as const;
export type ComplaintCategory = (typeof ComplaintCategory)[keyof typeof ComplaintCategory];
registerEnumType(ComplaintCategory, {
  name: 'ComplaintCategory',
  description: '问题类别: the ten matters of 003 §2, then fees, public revenue, service attitude, disputes, other',
  valuesConfig: {
    ...tenMatterDescriptions(),
    FEES: { description: '物业收费' },
    PUBLIC_REVENUE: { description: '公共收益' },
    SERVICE: { description: '服务态度与质量' },
    DISPUTE: { description: '矛盾纠纷' },
    OTHER: { description: '其他' },
  },
});

/** 办理时效 as of a day: disposed within the limit or after it; not yet disposed and past it, or still within it. */
export enum ComplaintTimeliness {
  ON_TIME = 'ON_TIME',
  LATE = 'LATE',
  OVERDUE = 'OVERDUE',
  WITHIN_LIMIT = 'WITHIN_LIMIT',
}
registerEnumType(ComplaintTimeliness, {
  name: 'ComplaintTimeliness',
  description: '按期处置 / 超期处置 / 已超期未处置 / 时限内',
  valuesConfig: {
    ON_TIME: { description: '按期处置: disposed (办结, or closed as not accepted) on or before its due day' },
    LATE: { description: '超期处置: disposed after its due day' },
    OVERDUE: { description: '已超期: not disposed and its due day has passed' },
    WITHIN_LIMIT: { description: '时限内: not disposed, not yet due' },
  },
});
