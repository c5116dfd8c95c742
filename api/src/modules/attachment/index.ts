import path from 'node:path';
import { CrudService } from '../../common/crud.service';
import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { Complaint, ComplaintStep } from '../complaint/complaint.entity';
import { RevenueDisclosure } from '../public-revenue/revenue-disclosure.entity';
import { ProgressReport } from '../task/progress-report.entity';
import { attachable, defineAttachable } from './attachable';
import { PracticalMatter } from '../practical-matter/practical-matter.entity';
import { Attachment } from './attachment.entity';
import { assignedUnitsComplaint, assignedUnitsComplaintStep, ownUnitsReport } from './attachment.guards';
import { mountFiles } from './attachment.http';
import { attachmentResolvers } from './attachment.resolver';
import { AttachmentService } from './attachment.service';
import { Attachments1765600000000 } from './migrations/1765600000000-Attachments';
import { FileStorage } from './storage';

export { defineAttachable } from './attachable';

// The records files are attached to; another module adds its own with one such line in its index.ts.
defineAttachable('ProgressReport', ProgressReport, ownUnitsReport);
defineAttachable('RevenueDisclosure', RevenueDisclosure);
defineAttachable('Complaint', Complaint, assignedUnitsComplaint);
defineAttachable('ComplaintStep', ComplaintStep, assignedUnitsComplaintStep);
defineAttachable('PracticalMatter', PracticalMatter);

/** Where the files go: ATTACHMENT_DIR, else `attachments` beside the SQLite file, else data/attachments. */
const storageDir = ({ config }: ModuleKit): string =>
  config.attachmentDir ?? (config.database.kind === 'sqlite' && config.database.file !== ':memory:' ? path.join(path.dirname(config.database.file), 'attachments') : path.resolve('data/attachments'));

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = (kit: ModuleKit) => ({
  attachment: new AttachmentService(
    kit.ds,
    kit.tx,
    kit.audit,
    { entity: Attachment, typeName: 'Attachment', searchColumns: ['fileName', 'uploadedByName'], defaultSort: [['id', 'ASC']] },
    new FileStorage(storageDir(kit)),
    kit.config.attachmentMaxBytes ?? 20 * 1024 * 1024,
  ),
});

/** The refusal reasons its code throws (extensions.reason; see common/reasons.ts). */
const reasons = {
  NOT_ATTACHABLE: 'Files cannot be attached to this kind of record',
  FILE_TOO_LARGE: 'The file is larger than the configured maximum (extensions.maxBytes)',
  EMPTY_FILE: 'The file is empty',
  UNSUPPORTED_TYPE: 'The file is not a photo (JPEG, PNG, WebP, GIF), a PDF or an Office document without macros, whatever its name says',
  EXTENSION_MISMATCH: 'The file name’s extension does not fit what the file is (extensions.expected)',
  ATTACHMENT_LIMIT: 'The record already holds as many attachments as one record may (extensions.max)',
  NOT_UPLOADER: 'Unit staff remove only the files they uploaded themselves',
} as const;

/** 附件: photos and scanned documents attached to records, stored by content hash, read by whoever reads the record. */
export const attachmentModule: ApiModule = {
  name: 'attachment',
  entities: [Attachment],
  migrations: [Attachments1765600000000],
  services,
  // read when the schema is built, once every module has defined what it lets files be attached to
  get resolvers() {
    return attachmentResolvers();
  },
  // a record with attachments is not deleted (as a foreign key would refuse): remove them first
  wire: (s) => {
    for (const service of Object.values(s)) {
      if (service instanceof CrudService && attachable(service.typeName)) {
        service.onDelete((em, row) => s.attachment.assertNoAttachments(em, service.typeName, row.id));
      }
    }
  },
  http: (app, kit) => mountFiles(app, kit),
  reasons,
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../../common/reasons' {
  interface ModuleReasons extends Record<keyof typeof reasons, true> {}
}
