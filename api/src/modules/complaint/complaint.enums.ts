import { registerEnumType } from 'type-graphql';

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

/** 来源渠道 */
export enum ComplaintChannel {
  HOTLINE_12345 = 'HOTLINE_12345',
  PHONE = 'PHONE',
  VISIT = 'VISIT',
  ONLINE = 'ONLINE',
  OTHER = 'OTHER',
}
registerEnumType(ComplaintChannel, {
  name: 'ComplaintChannel',
  description: '12345 便民服务热线 / 电话 / 来访 / 网络 / 其他',
  valuesConfig: {
    HOTLINE_12345: { description: '12345 便民服务热线' },
    PHONE: { description: '电话' },
    VISIT: { description: '来访' },
    ONLINE: { description: '网络' },
    OTHER: { description: '其他' },
  },
});
