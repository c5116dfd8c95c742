import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { attachWorkflow } from '../../common/workflow/workflow';
import type { KindParams, NotificationKindDecls } from '../notification';
import { Complaint, ComplaintStep } from './complaint.entity';
import { ComplaintFiguresService } from './complaint-figures';
import { ComplaintResolver } from './complaint.resolver';
import { ComplaintService } from './complaint.service';
import { COMPLAINT_WORKFLOW } from './complaint.workflow';
import { Complaints1764720000000 } from './migrations/1764720000000-Complaints';
import { ComplaintTimeLimits1765500000005 } from './migrations/1765500000005-ComplaintTimeLimits';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = (kit: ModuleKit) => {
  const complaint = new ComplaintService(kit.ds, kit.tx, kit.audit, {
    entity: Complaint,
    typeName: 'Complaint',
    searchColumns: ['summary', 'complainant'],
    derivedColumns: ['communityId', 'dueOn'],
    // the complainant's contact is private (complaint.entity.ts): never copied into the trail
    auditOmit: ['complainantContact'],
    defaultSort: [['id', 'DESC']],
  });
  attachWorkflow(complaint, COMPLAINT_WORKFLOW, kit);
  return { complaint, complaintFigures: new ComplaintFiguresService(kit.ds) };
};

/** The notifications it sends (modules/notification; the console translates them in resources/complaint/messages.ts). */
const notificationKinds = {
  COMPLAINT_ASSIGNED: { description: 'A complaint was assigned (转办) to a unit: told to its staff', params: ['summary', 'date'], title: '投诉转办：%{summary}（%{date}）' },
  COMPLAINT_RETURNED: {
    description: 'A handled complaint was sent back to its unit (退回重办), with the reason: told to its staff',
    params: ['summary', 'date'],
    title: '投诉退回重办：%{summary}（%{date}）',
  },
} as const satisfies NotificationKindDecls;

/** 投诉: complaints about property service, received, assigned to a unit, handled and closed (a workflow). */
export const complaintModule: ApiModule = {
  name: 'complaint',
  entities: [Complaint, ComplaintStep],
  migrations: [Complaints1764720000000, ComplaintTimeLimits1765500000005],
  services,
  resolvers: [ComplaintResolver],
  notificationKinds,
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../notification/notification.kinds' {
  interface ModuleNotificationKinds extends KindParams<typeof notificationKinds> {}
}
