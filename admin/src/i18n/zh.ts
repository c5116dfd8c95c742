import raZh from './ra-zh';

/**
 * 中文 (default): react-admin's own texts and the messages every screen shares. Each console module
 * brings its resources, enums and app.* texts in its own messages.ts (admin/src/resources/<module>/);
 * i18n/index.ts merges them. Keys: resources.<Type>.fields.*, enums.<Enum>.<VALUE>, app.*
 */
export const sharedZh = {
  resources: { Seed: { name: '初始数据 |||| 初始数据' } },
  app: {
    title: '物业党建联建',
    menu: { documents: '政策文件', organization: '组织机构', rosters: '工作专班', system: '系统', ratings: '评星与红黑榜', sharing: '数据共享' },
    dashboard: { welcome: '物业党建联建工作平台', intro: '政策文件、组织机构、工作专班名单及操作留痕。', groups: '工作专班', members: '在任成员', documents: '政策文件', units: '责任单位' },
    workflow: { recorded_by: '%{actor} 记录于 %{at}' },
    history: { title: '修改记录', empty: '暂无记录', field: '字段', before: '修改前', after: '修改后', system: '系统' },
    validation: {
      future_date: '日期不能晚于今天',
      before_previous: '日期不能早于上一步',
      uscc: '统一社会信用代码无效（18 位，校验位不符）',
      code: '区划代码为 6 位数字',
      end_before_start: '结束日期不能早于开始日期',
      not_a_date: '日期无效：请按 YYYY-MM-DD 填写实际存在的日期',
      date_out_of_range: '日期须在 2000-01-01 至 2100-12-31 之间',
      before_assignment: '报告日期早于该任务分工建立的日期（%{earliest}）',
      backdated: '进度报告只能填报 %{limitDays} 天以内的日期（最早 %{earliest}）；更早的情况请由系统管理员更正',
      too_long: '内容过长，请缩短后再保存',
      too_many: '一次查询的条目过多，请分批查询',
      control_character: '文本中含有不可见的控制字符，请删除后再保存',
      out_of_range: '数值超出允许范围',
      overlap: '与已有记录的有效期重叠：请先结束原记录，或调整起止日期',
    },
    sections: { holdings: '任职记录', memberships: '专班席位', units: '责任单位', compounds: '住宅小区' },
    export: {
      xlsx: '导出 Excel',
      csv: '导出 CSV',
      title: '导出',
      progress: '正在导出 %{fetched}/%{expected} 行',
      cancelled: '已取消导出',
      left_out_cap: '已导出 %{exported} 行。筛选结果共 %{total} 行，超过单次导出上限 %{cap} 行，其余 %{left} 行未导出：请缩小筛选范围后分批导出。',
      left_out_changed: '已导出 %{exported} 行。导出期间列表有变化，现有 %{total} 行，其中 %{left} 行不在文件中：请重新导出。',
    },
    import: {
      button: '导入名单',
      template: '下载名单（Excel）',
      title: '导入名单：%{group}',
      summary: '新增 %{added} 人，修改 %{changed} 人，不变 %{unchanged} 人，拒绝 %{rejected} 行',
      has_rejects: '有被拒绝的行，整张表不会导入。请修改表格后重新导入。',
      confirm: '确认导入',
      done: '名单已导入：新增 %{added} 人，修改 %{changed} 人',
      no_header: '表格中找不到表头（应有：%{columns}）',
      empty: '表格中没有数据行',
      too_many: '表格有 %{count} 行，一次最多导入 %{max} 行，请分批导入',
      ignored: '以下列不会导入：%{columns}',
      line: '行号',
      status: '结果',
      reason_column: '说明',
      statuses: { ADD: '新增', CHANGE: '修改', UNCHANGED: '不变', REJECT: '拒绝' },
      field: { post: '职务', order: '顺序' },
      reason: {
        NAME_REQUIRED: '姓名为空',
        UNKNOWN_ROLE: '组内职务无法识别（应为：组长、常务副组长、副组长、成员、组员、主任、副主任）',
        BAD_ORDER: '顺序应为从 1 开始的整数',
        DUPLICATE_ROW: '同一人同一职务重复出现',
        AMBIGUOUS_PERSON: '系统中有多位同名人员，请手工添加',
        AMBIGUOUS_POST: '系统中有多个同名职务，请先区分',
        NEW_PERSON: '系统中尚无此人，将新建人员',
        NEW_POST: '系统中尚无此职务，将新建职务',
      },
    },
    errors: {
      duplicate: '该值已被使用，不能重复',
      unknown_reference: '所选记录不存在',
      still_referenced: '仍有其他记录引用此记录，请先处理这些记录',
      forbidden: '您的角色无权进行此操作',
      not_found: '记录不存在或已被删除',
      internal: '服务器出错，请稍后再试',
      stale: '记录已被他人修改，请刷新后重试',
      bad_transition: '当前状态不允许此操作，请刷新后重试',
      already_applied: '此操作已完成（首次提交的结果未能返回），请刷新查看',
      rate_limited: '请求过于频繁，请 %{retryAfter} 秒后再试',
    },
    search: { none: '没有匹配的记录' },
    source: '来源',
  },
};

export { raZh };
