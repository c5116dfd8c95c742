import HistoryIcon from '@mui/icons-material/History';
import { type ConsoleModule, screen } from '../common/module';
import { messages } from './messages';

/** 审计: the audit trail, for everyone but unit staff (the API enforces the same). */
export const auditModule: ConsoleModule = {
  name: 'audit',
  menuGroup: 'system',
  resources: ({ role }) => [role !== 'UNIT_STAFF' ? { name: 'AuditEvent', icon: HistoryIcon, list: screen(() => import('./auditEvents'), 'AuditEventList') } : null],
  messages,
  // the names of the records an event refers to, for its sentence (common/history.ts)
  selections: { AuditEvent: { list: 'references { field type recordId name readable gone }' } },
};
