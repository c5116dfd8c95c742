import { COMMON_FIELDS, defineMessages } from '../../i18n/messages';

/** The property-service module's messages. */
export const messages = defineMessages(
  {
    resources: {
      ServiceCoverage: {
        name: '物业服务覆盖 |||| 物业服务覆盖',
        fields: { ...COMMON_FIELDS.zh, compoundId: '小区', communityId: '社区', mode: '服务方式', propertyCompanyId: '物业服务企业', since: '起', until: '止', note: '说明' },
      },
    },
    app: { coverage: { section: '物业服务覆盖', none: '尚无记录（按小区的管理模式）', add: '登记服务方式', before_records: '记录之前', now: '至今' } },
  },
  {
    resources: {
      ServiceCoverage: {
        name: 'Service coverage |||| Service coverage',
        fields: { ...COMMON_FIELDS.en, compoundId: 'Compound', communityId: 'Community', mode: 'Served by', propertyCompanyId: 'Company', since: 'Since', until: 'Until', note: 'Note' },
      },
    },
    app: {
      coverage: {
        section: 'Property-service coverage',
        none: 'No period recorded (the compound’s management mode holds)',
        add: 'Record how it is served',
        before_records: 'before records',
        now: 'now',
      },
    },
  },
);
