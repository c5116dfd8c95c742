import { COMMON_FIELDS, defineMessages } from '../../i18n/messages';

/** The policy module's messages: its resources' names and fields, its enums, its app.* texts. */
export const messages = defineMessages(
  {
    resources: {
      PolicyDocument: {
        name: '文件 |||| 文件',
        fields: {
          ...COMMON_FIELDS.zh,
          jurisdictionId: '发文区划',
          docNumber: '文号',
          indexNumber: '索引号',
          issuer: '发文机关',
          title: '标题',
          issueDate: '发文日期',
          validFrom: '生效日期',
          validTo: '有效期至',
          isPublic: '主动公开',
          note: '备注',
          clauses: '条款',
          citations: '引用文件',
        },
      },
      Clause: { name: '条款 |||| 条款', fields: { ...COMMON_FIELDS.zh, documentId: '所属文件', number: '条款号', title: '标题', text: '内容', sortOrder: '顺序' } },
      DocumentCitation: {
        name: '引用 |||| 引用',
        fields: { ...COMMON_FIELDS.zh, citingDocumentId: '引用文件', citedDocumentId: '被引文件', citedTitle: '被引文件标题', citedDocNumber: '被引文号', clauseId: '所在条款', sortOrder: '顺序' },
      },
    },
    app: { document: { summary: '基本信息' } },
  },
  {
    resources: {
      PolicyDocument: {
        name: 'Document |||| Documents',
        fields: {
          ...COMMON_FIELDS.en,
          jurisdictionId: 'Issuing jurisdiction',
          docNumber: 'Document number',
          indexNumber: 'Index number',
          issuer: 'Issuer',
          title: 'Title',
          issueDate: 'Issued',
          validFrom: 'Valid from',
          validTo: 'Valid to',
          isPublic: 'Public',
          note: 'Note',
          clauses: 'Clauses',
          citations: 'Cites',
        },
      },
      Clause: { name: 'Clause |||| Clauses', fields: { ...COMMON_FIELDS.en, documentId: 'Document', number: 'Number', title: 'Title', text: 'Text', sortOrder: 'Order' } },
      DocumentCitation: {
        name: 'Citation |||| Citations',
        fields: {
          ...COMMON_FIELDS.en,
          citingDocumentId: 'Citing document',
          citedDocumentId: 'Cited document',
          citedTitle: 'Cited title',
          citedDocNumber: 'Cited number',
          clauseId: 'In clause',
          sortOrder: 'Order',
        },
      },
    },
    app: { document: { summary: 'Summary' } },
  },
);
