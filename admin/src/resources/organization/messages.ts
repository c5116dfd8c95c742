import { COMMON_FIELDS, defineMessages } from '../../i18n/messages';

/** The organization module's messages: its resources' names and fields, its enums, its app.* texts. */
export const messages = defineMessages(
  {
    resources: {
      Jurisdiction: { name: '行政区划 |||| 行政区划', fields: { ...COMMON_FIELDS.zh, name: '名称', level: '层级', parentId: '上级', code: '区划代码' } },
      Unit: { name: '责任单位 |||| 责任单位', fields: { ...COMMON_FIELDS.zh, name: '名称', kind: '类别', jurisdictionId: '所属区划', aliases: '别称' } },
      PropertyCompany: {
        name: '物业服务企业 |||| 物业服务企业',
        fields: { ...COMMON_FIELDS.zh, ownerJurisdictionId: '登记单位', name: '企业名称', uscc: '统一社会信用代码', jurisdictionId: '注册地', address: '地址' },
      },
      Compound: {
        name: '住宅小区 |||| 住宅小区',
        fields: { ...COMMON_FIELDS.zh, name: '小区名称', communityId: '所属社区', propertyCompanyId: '物业服务企业', managementMode: '管理模式', address: '地址' },
      },
    },
    enums: {
      JurisdictionLevel: { PROVINCE: '省', CITY: '市', COUNTY: '县（市、区）', TOWNSHIP: '街道 / 镇', COMMUNITY: '社区 / 村' },
      UnitKind: { OFFICE: '科室', STATION: '站所', COMMUNITY: '社区（村）', CENTER: '中心 / 岗位', DEPARTMENT: '上级部门', OTHER: '其他' },
      ManagementMode: { PROFESSIONAL: '专业化物业', STATE_OWNED: '国企承接', SELF_MANAGED: '业主自治', COMMUNITY_FALLBACK: '社区兜底', NONE: '无物业' },
      CompoundFlag: { NO_PROPERTY_SERVICE: '无物业服务' },
    },
    app: {
      compounds: { flags: '待办与标记', open_items: '待办事项', nothing_due: '暂无待办', company_stars: '企业星级（最近公布）', not_rated: '尚无公布的星级' },
      org: { children: '下级区划', errors: { wrong_level: '所选区划层级不对：上级须正好高一级，小区须属于社区 / 村' } },
    },
  },
  {
    resources: {
      Jurisdiction: { name: 'Jurisdiction |||| Jurisdictions', fields: { ...COMMON_FIELDS.en, name: 'Name', level: 'Level', parentId: 'Parent', code: 'Code' } },
      Unit: { name: 'Unit |||| Units', fields: { ...COMMON_FIELDS.en, name: 'Name', kind: 'Kind', jurisdictionId: 'Jurisdiction', aliases: 'Aliases' } },
      PropertyCompany: {
        name: 'Property company |||| Property companies',
        fields: { ...COMMON_FIELDS.en, ownerJurisdictionId: 'Registered by', name: 'Name', uscc: 'Credit code', jurisdictionId: 'Registered in', address: 'Address' },
      },
      Compound: {
        name: 'Compound |||| Compounds',
        fields: { ...COMMON_FIELDS.en, name: 'Name', communityId: 'Community', propertyCompanyId: 'Property company', managementMode: 'Management', address: 'Address' },
      },
    },
    enums: {
      JurisdictionLevel: { PROVINCE: 'Province', CITY: 'City', COUNTY: 'County / district', TOWNSHIP: 'Street / town', COMMUNITY: 'Community / village' },
      UnitKind: { OFFICE: 'Office', STATION: 'Station', COMMUNITY: 'Community', CENTER: 'Centre / post', DEPARTMENT: 'Department', OTHER: 'Other' },
      ManagementMode: { PROFESSIONAL: 'Professional', STATE_OWNED: 'State-owned', SELF_MANAGED: 'Self-managed', COMMUNITY_FALLBACK: 'Community fallback', NONE: 'None' },
      CompoundFlag: { NO_PROPERTY_SERVICE: 'No property service' },
    },
    app: {
      compounds: { flags: 'Due and flagged', open_items: 'Open items', nothing_due: 'Nothing due', company_stars: 'Company stars (latest published)', not_rated: 'No published rating yet' },
      org: { children: 'Sub-jurisdictions', errors: { wrong_level: 'Wrong level: a parent is exactly one level up, and a compound lies in a community or village' } },
    },
  },
);
