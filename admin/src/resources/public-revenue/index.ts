import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import { type ConsoleModule, crudScreens, screen } from '../common/module';
import { messages } from './messages';

const load = () => import('./revenue');

/** 公共收益: quarterly disclosures (due by the end of the next quarter's first month) and yearly audits, recorded by the community. */
export const publicRevenueModule: ConsoleModule = {
  name: 'public-revenue',
  menuGroup: 'organization',
  resources: ({ edit, role }) => [
    { name: 'RevenueDisclosure', icon: ReceiptLongIcon, ...crudScreens(load, 'RevenueDisclosure', edit || role === 'UNIT_STAFF'), recordRepresentation: (r) => `${r.year} Q${r.quarter}` },
    { name: 'RevenueAudit', icon: FactCheckIcon, ...crudScreens(load, 'RevenueAudit', edit || role === 'UNIT_STAFF'), recordRepresentation: (r) => `${r.year}` },
  ],
  selections: { RevenueDisclosure: { list: 'compound { id name } dueOn status attachmentNames' }, RevenueAudit: { list: 'compound { id name }' } },
  statusColors: { DisclosureStatus: { NOT_DUE: 'default', ON_TIME: 'success', LATE: 'warning', OVERDUE: 'error' } },
  compoundSections: [{ key: 'revenue', order: 40, title: 'app.revenue.section', component: screen<Awaited<ReturnType<typeof load>>, { compoundId: string; asOf: string }>(load, 'CompoundRevenue') }],
  messages,
};
