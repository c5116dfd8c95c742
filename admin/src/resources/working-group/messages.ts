import { COMMON_FIELDS, defineMessages } from '../../i18n/messages';

const zhFields = COMMON_FIELDS.zh;
const enFields = COMMON_FIELDS.en;

/** The working-group module's messages: its resources' names and fields, its enums, its app.* texts. */
export const messages = defineMessages(
  {
    resources: {
      Person: { name: '人员 |||| 人员', fields: { ...zhFields, name: '姓名', phone: '联系电话', note: '备注' } },
      Post: { name: '职务 |||| 职务', fields: { ...zhFields, title: '职务', jurisdictionId: '所属区划', unitId: '所属单位' } },
      PostHolding: { name: '任职 |||| 任职', fields: { ...zhFields, postId: '职务', personId: '人员', validFrom: '任职起', validTo: '任职止' } },
      WorkingGroup: {
        name: '工作专班 |||| 工作专班',
        fields: { ...zhFields, name: '名称', kind: '类别', documentId: '发文', parentId: '上级专班', hostUnitId: '挂靠单位', hostedAt: '挂靠', duties: '职责', members: '成员' },
      },
      Membership: {
        name: '专班成员 |||| 专班成员',
        fields: { ...zhFields, groupId: '工作专班', personId: '姓名', role: '组内职务', sortOrder: '顺序', postId: '职务', concurrent: '兼', validFrom: '任期起', validTo: '任期止', asOf: '截至日期' },
      },
    },
    enums: {
      GroupRole: { LEADER: '组长', EXECUTIVE_DEPUTY: '常务副组长', DEPUTY: '副组长', MEMBER: '成员', GROUP_MEMBER: '组员', DIRECTOR: '主任', DEPUTY_DIRECTOR: '副主任' },
      GroupKind: { GROUP: '工作专班 / 领导小组', OFFICE: '办公室', SUB_GROUP: '下设小组' },
    },
    app: {
      roster: {
        as_of: '查看日期',
        today: '今天',
        concurrent: '兼',
        no_post: '—',
        sub_groups: '下设机构',
        empty: '该日期无在任成员',
        add_member: '添加成员',
        members_count: '（%{count} 人）',
        not_the_current_seats: '排序须列出当前全部在任人员，每人一次：请刷新后重试',
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
        errors: {
          too_early: '继任日期须晚于原任职人员开始任职的日期',
          not_the_holder: '此人在继任日期并未担任该职务',
          several_holders: '该日期有多人担任此职务，请选择原任职人员',
          already_holds: '继任者已担任此职务',
        },
      },
    },
  },
  {
    resources: {
      Person: { name: 'Person |||| People', fields: { ...enFields, name: 'Name', phone: 'Phone', note: 'Note' } },
      Post: { name: 'Post |||| Posts', fields: { ...enFields, title: 'Post', jurisdictionId: 'Jurisdiction', unitId: 'Unit' } },
      PostHolding: { name: 'Post holding |||| Post holdings', fields: { ...enFields, postId: 'Post', personId: 'Person', validFrom: 'From', validTo: 'To' } },
      WorkingGroup: {
        name: 'Working group |||| Working groups',
        fields: {
          ...enFields,
          name: 'Name',
          kind: 'Kind',
          documentId: 'Document',
          parentId: 'Parent group',
          hostUnitId: 'Host unit',
          hostedAt: 'Attached to',
          duties: 'Duties',
          members: 'Members',
        },
      },
      Membership: {
        name: 'Member |||| Members',
        fields: {
          ...enFields,
          groupId: 'Working group',
          personId: 'Name',
          role: 'Role',
          sortOrder: 'Order',
          postId: 'Post',
          concurrent: 'Concurrent',
          validFrom: 'From',
          validTo: 'To',
          asOf: 'As of',
        },
      },
    },
    enums: {
      GroupRole: {
        LEADER: 'Leader',
        EXECUTIVE_DEPUTY: 'Executive deputy',
        DEPUTY: 'Deputy',
        MEMBER: 'Member',
        GROUP_MEMBER: 'Group member',
        DIRECTOR: 'Director',
        DEPUTY_DIRECTOR: 'Deputy director',
      },
      GroupKind: { GROUP: 'Working group', OFFICE: 'Office', SUB_GROUP: 'Sub-group' },
    },
    app: {
      roster: {
        as_of: 'As of',
        today: 'Today',
        concurrent: 'concurrent',
        no_post: '—',
        sub_groups: 'Offices and sub-groups',
        empty: 'Nobody held a seat on that date',
        add_member: 'Add member',
        members_count: ' (%{count})',
        not_the_current_seats: 'The order must list every current member once: reload and try again',
      },
      succession: {
        button: 'Record succession',
        title: 'Record succession: %{post}',
        successor: 'Successor',
        predecessor: 'Predecessor',
        date: 'Date',
        date_help: "The successor holds the post from this day; the predecessor's seats end the day before",
        summary: 'These seats of %{from} pass to %{to} on %{date}:',
        no_seats: 'No working-group seat is tied to this post',
        confirm: 'Confirm succession',
        done: 'Succession recorded',
        errors: {
          too_early: 'The date must be after the predecessor took up the post',
          not_the_holder: 'That person does not hold this post on that date',
          several_holders: 'Several people hold this post on that date: choose the predecessor',
          already_holds: 'The successor already holds this post',
        },
      },
    },
  },
);
