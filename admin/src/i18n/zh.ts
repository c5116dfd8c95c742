import type { TranslationMessages } from 'ra-core';
import raZh from './ra-zh';

const common = { id: '编号', createdAt: '创建时间', updatedAt: '更新时间', sourceDocumentId: '来源文件', sourceClauseId: '来源条款', q: '搜索' };

/** 中文 (default). Keys: resources.<Type>.fields.*, enums.<Enum>.<VALUE>, app.* */
const zh: TranslationMessages = {
  ...raZh,
  resources: {
    PolicyDocument: {
      name: '文件 |||| 文件',
      fields: { ...common, docNumber: '文号', indexNumber: '索引号', issuer: '发文机关', title: '标题', issueDate: '发文日期', validFrom: '生效日期', validTo: '有效期至', isPublic: '主动公开', note: '备注', clauses: '条款', citations: '引用文件' },
    },
    Clause: { name: '条款 |||| 条款', fields: { ...common, documentId: '所属文件', number: '条款号', title: '标题', text: '内容', sortOrder: '顺序' } },
    DocumentCitation: { name: '引用 |||| 引用', fields: { ...common, citingDocumentId: '引用文件', citedDocumentId: '被引文件', citedTitle: '被引文件标题', citedDocNumber: '被引文号', clauseId: '所在条款', sortOrder: '顺序' } },
    Jurisdiction: { name: '行政区划 |||| 行政区划', fields: { ...common, name: '名称', level: '层级', parentId: '上级', code: '区划代码' } },
    Unit: { name: '责任单位 |||| 责任单位', fields: { ...common, name: '名称', kind: '类别', jurisdictionId: '所属区划', aliases: '别称' } },
    PropertyCompany: { name: '物业服务企业 |||| 物业服务企业', fields: { ...common, name: '企业名称', uscc: '统一社会信用代码', jurisdictionId: '注册地', address: '地址' } },
    Compound: { name: '住宅小区 |||| 住宅小区', fields: { ...common, name: '小区名称', communityId: '所属社区', propertyCompanyId: '物业服务企业', managementMode: '管理模式', address: '地址' } },
    Person: { name: '人员 |||| 人员', fields: { ...common, name: '姓名', phone: '联系电话', note: '备注' } },
    Post: { name: '职务 |||| 职务', fields: { ...common, title: '职务', jurisdictionId: '所属区划', unitId: '所属单位' } },
    PostHolding: { name: '任职 |||| 任职', fields: { ...common, postId: '职务', personId: '人员', validFrom: '任职起', validTo: '任职止' } },
    WorkingGroup: { name: '工作专班 |||| 工作专班', fields: { ...common, name: '名称', kind: '类别', documentId: '发文', parentId: '上级专班', hostUnitId: '挂靠单位', hostedAt: '挂靠', duties: '职责', members: '成员' } },
    Membership: {
      name: '专班成员 |||| 专班成员',
      fields: { ...common, groupId: '工作专班', personId: '姓名', role: '组内职务', sortOrder: '顺序', postId: '职务', concurrent: '兼', validFrom: '任期起', validTo: '任期止', asOf: '截至日期' },
    },
    User: { name: '用户 |||| 用户', fields: { ...common, username: '用户名', displayName: '姓名', password: '密码', role: '角色', unitId: '所属单位', active: '启用' } },
    AuditEvent: {
      name: '审计记录 |||| 审计记录',
      fields: { id: '编号', at: '时间', actorId: '操作人编号', actorName: '操作人', action: '操作', entityType: '对象类型', entityId: '对象编号', before: '修改前', after: '修改后', requestId: '请求编号', from: '起始日期', to: '截止日期' },
    },
  },
  enums: {
    GroupRole: { LEADER: '组长', EXECUTIVE_DEPUTY: '常务副组长', DEPUTY: '副组长', MEMBER: '成员', GROUP_MEMBER: '组员', DIRECTOR: '主任', DEPUTY_DIRECTOR: '副主任' },
    GroupKind: { GROUP: '工作专班 / 领导小组', OFFICE: '办公室', SUB_GROUP: '下设小组' },
    JurisdictionLevel: { PROVINCE: '省', CITY: '市', COUNTY: '县（市、区）', TOWNSHIP: '街道 / 镇', COMMUNITY: '社区 / 村' },
    UnitKind: { OFFICE: '科室', STATION: '站所', COMMUNITY: '社区（村）', CENTER: '中心 / 岗位', DEPARTMENT: '上级部门', OTHER: '其他' },
    ManagementMode: { PROFESSIONAL: '专业化物业', STATE_OWNED: '国企承接', SELF_MANAGED: '业主自治', COMMUNITY_FALLBACK: '社区兜底', NONE: '无物业' },
    Role: { ADMIN: '系统管理员', PARTY_OFFICE: '党建办', UNIT_STAFF: '责任单位', AUDITOR: '审计' },
    AuditAction: { CREATE: '新建', UPDATE: '修改', DELETE: '删除', LOGIN: '登录', SUCCESSION: '继任', REORDER: '调整顺序', SEED: '导入初始数据', IMPORT: '名单导入' },
  },
  app: {
    title: '物业党建联建',
    auth: { wrong_credentials: '用户名或密码错误', session_expired: '登录已过期，请重新登录' },
    menu: { documents: '政策文件', organization: '组织机构', rosters: '工作专班', system: '系统' },
    dashboard: { welcome: '物业党建联建工作平台', intro: '政策文件、组织机构、工作专班名单及操作留痕。', groups: '工作专班', members: '在任成员', documents: '政策文件', units: '责任单位' },
    roster: {
      as_of: '查看日期',
      today: '今天',
      concurrent: '兼',
      no_post: '—',
      sub_groups: '下设机构',
      empty: '该日期无在任成员',
      add_member: '添加成员',
      members_count: '%{count} 人',
    },
    succession: {
      button: '记录继任',
      title: '记录继任：%{post}',
      successor: '继任者',
      predecessor: '原任职人员',
      date: '继任日期',
      date_help: '继任者自该日起任职；原任职人员的席位于前一日结束',
      summary: '%{from} 的以下席位将自 %{date} 起由 %{to} 担任：',
      no_seats: '该职务没有关联的专班席位',
      confirm: '确认继任',
      done: '已记录继任',
    },
    history: { title: '修改记录', empty: '暂无记录', field: '字段', before: '修改前', after: '修改后', system: '系统' },
    validation: { uscc: '统一社会信用代码无效（18 位，校验位不符）', code: '区划代码为 6 位数字', end_before_start: '结束日期不能早于开始日期' },
    org: { children: '下级区划' },
    document: { summary: '基本信息' },
    sections: { holdings: '任职记录', memberships: '专班席位', units: '责任单位', compounds: '住宅小区' },
    source: '来源',
  },
};

export default zh;
