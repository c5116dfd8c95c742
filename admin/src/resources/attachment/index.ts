import type { ConsoleModule } from '../common/module';
import { messages } from './messages';

/**
 * 附件: no screens of its own; the records' pages show their files with `<Attachments target id />`
 * (Attachments.tsx): the disclosure page, a unit's progress reports, a complaint.
 */
export const attachmentModule: ConsoleModule = {
  name: 'attachment',
  messages,
};
