import { COMMON_FIELDS, defineMessages } from '../../i18n/messages';

/** The attachment module's messages. */
export const messages = defineMessages(
  {
    resources: {
      Attachment: {
        name: '附件 |||| 附件',
        fields: { ...COMMON_FIELDS.zh, fileName: '文件名', mimeType: '类型', size: '大小', kind: '种类', targetType: '所属记录类型', targetId: '所属记录', uploadedByName: '上传人', hash: '内容摘要' },
      },
    },
    enums: {
      AttachmentKind: { IMAGE: '照片', PDF: 'PDF', OFFICE: 'Office 文档' },
      AttachmentTarget: { ProgressReport: '进度报告', RevenueDisclosure: '公共收益公示', Complaint: '投诉', ComplaintStep: '投诉办理环节', PracticalMatter: '实事' },
    },
    app: {
      attachments: {
        title: '附件',
        add: '上传照片或文件',
        none: '暂无附件',
        hint: '可上传照片（JPEG、PNG、WebP、GIF）、PDF 扫描件和 Word、Excel、PowerPoint 文档',
        delete: '删除附件',
        delete_confirm: '删除附件“%{name}”？删除后无法恢复。',
        deleted: '附件已删除',
        errors: {
          not_attachable: '这类记录不能上传附件',
          too_large: '文件过大：单个附件不超过 %{maxMb} MB',
          empty: '文件是空的',
          unsupported: '只能上传照片（JPEG、PNG、WebP、GIF）、PDF 和不含宏的 Office 文档；该文件的内容不属于这些类型',
          extension: '文件名的扩展名与文件内容不符（应为 %{expected}）',
          limit: '每条记录最多 %{max} 个附件',
          not_uploader: '只能删除自己上传的附件，如需删除请联系党建办',
          still_attached: '该记录还有 %{count} 个附件，请先删除附件',
        },
      },
    },
  },
  {
    resources: {
      Attachment: {
        name: 'Attachment |||| Attachments',
        fields: {
          ...COMMON_FIELDS.en,
          fileName: 'File name',
          mimeType: 'Type',
          size: 'Size',
          kind: 'Kind',
          targetType: 'Record type',
          targetId: 'Record',
          uploadedByName: 'Uploaded by',
          hash: 'Content digest',
        },
      },
    },
    enums: {
      AttachmentKind: { IMAGE: 'Photo', PDF: 'PDF', OFFICE: 'Office document' },
      AttachmentTarget: {
        ProgressReport: 'Progress report',
        RevenueDisclosure: 'Public revenue disclosure',
        Complaint: 'Complaint',
        ComplaintStep: 'Complaint step',
        PracticalMatter: 'Practical matter',
      },
    },
    app: {
      attachments: {
        title: 'Attachments',
        add: 'Add photo or file',
        none: 'No attachments',
        hint: 'Photos (JPEG, PNG, WebP, GIF), scanned PDFs and Word, Excel or PowerPoint documents',
        delete: 'Delete attachment',
        delete_confirm: 'Delete the attachment “%{name}”? This cannot be undone.',
        deleted: 'Attachment deleted',
        errors: {
          not_attachable: 'Files cannot be attached to this kind of record',
          too_large: 'The file is too large: at most %{maxMb} MB per attachment',
          empty: 'The file is empty',
          unsupported: 'Only photos (JPEG, PNG, WebP, GIF), PDFs and Office documents without macros can be attached; this file’s content is none of those',
          extension: 'The file name’s extension does not fit its content (expected %{expected})',
          limit: 'A record holds at most %{max} attachments',
          not_uploader: 'You can delete only the files you uploaded; ask the office to delete this one',
          still_attached: 'The record still has %{count} attachment(s): delete them first',
        },
      },
    },
  },
);
