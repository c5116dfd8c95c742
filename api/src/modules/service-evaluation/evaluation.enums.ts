import { registerEnumType } from 'type-graphql';

/** 物业服务考评的后续: from the record through the interview (约谈) to rectification or replacing the company (001 四(四)5). */
export enum EvaluationStatus {
  RECORDED = 'RECORDED',
  INTERVIEWED = 'INTERVIEWED',
  RECTIFIED = 'RECTIFIED',
  REPLACEMENT_STARTED = 'REPLACEMENT_STARTED',
  REPLACED = 'REPLACED',
  RETAINED = 'RETAINED',
}
registerEnumType(EvaluationStatus, {
  name: 'EvaluationStatus',
  description: '考评 → 约谈 → 整改到位, or 启动更换物业程序 → 已更换 / 续聘',
  valuesConfig: {
    RECORDED: { description: '已考评 (an interview is due while owners’ dissatisfaction is over 50%)' },
    INTERVIEWED: { description: '已约谈' },
    RECTIFIED: { description: '整改到位' },
    REPLACEMENT_STARTED: { description: '整改不到位: 业主大会启动更换物业程序' },
    REPLACED: { description: '业主大会表决更换物业' },
    RETAINED: { description: '业主大会表决不更换' },
  },
});

export enum EvaluationResult {
  PASS = 'PASS',
  FAIL = 'FAIL',
}
registerEnumType(EvaluationResult, { name: 'EvaluationResult', description: '考评结论: 达标 / 不达标 (不达标 bars the company from new projects, 000 附件 一(二))' });

/** Who convenes the owners' meeting that starts replacing the company (001 四(四)5: 如小区无业委会的，由镇、村（社区）主持召开). */
export enum MeetingConvenor {
  COMMITTEE = 'COMMITTEE',
  COMMUNITY = 'COMMUNITY',
}
registerEnumType(MeetingConvenor, { name: 'MeetingConvenor', description: '业委会召集 / 无业委会的由镇、村（社区）主持' });
