import { registerEnumType } from 'type-graphql';

/**
 * 整改: what a property company on a published 黑榜 goes through before it may bid again (002:
 * 列入“黑榜”和整改不到位的物业服务企业不得参与物业招投标; 001: 约谈 first).
 */
export enum RectificationStatus {
  /** 待约谈: listed; the interview has not been held */
  REQUIRED = 'REQUIRED',
  /** 已约谈: interview held, rectification under way */
  INTERVIEWED = 'INTERVIEWED',
  /** 已提交整改: the company reports it has rectified; awaiting acceptance */
  SUBMITTED = 'SUBMITTED',
  /** 整改验收通过: accepted; the bar on bidding ends on that day */
  ACCEPTED = 'ACCEPTED',
  /** 已撤销: a corrected edition no longer lists the company (set by publication only) */
  CANCELLED = 'CANCELLED',
}
registerEnumType(RectificationStatus, {
  name: 'RectificationStatus',
  description: '整改: 待约谈 → 已约谈 → 已提交整改 → 验收通过; 已撤销 when a correction removes the listing',
  valuesConfig: {
    REQUIRED: { description: '待约谈: listed on the black list; the interview (约谈) has not been held yet' },
    INTERVIEWED: { description: '已约谈: the interview was held; rectification is under way' },
    SUBMITTED: { description: '已提交整改: the company reported its rectification; acceptance pending' },
    ACCEPTED: { description: '整改验收通过: rectification accepted; the bar on bidding ended that day' },
    CANCELLED: { description: '已撤销: a corrected edition no longer lists the company' },
  },
});
