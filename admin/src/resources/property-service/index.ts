import CleaningServicesIcon from '@mui/icons-material/CleaningServices';
import { type ConsoleModule, crudScreens, screen } from '../common/module';
import { messages } from './messages';

const load = () => import('./coverage');

/** 物业服务覆盖: how each compound is served over time (无物业 included), recorded by the community. */
export const propertyServiceModule: ConsoleModule = {
  name: 'property-service',
  menuGroup: 'organization',
  resources: ({ edit, role }) => [{ name: 'ServiceCoverage', icon: CleaningServicesIcon, ...crudScreens(load, 'ServiceCoverage', edit || role === 'UNIT_STAFF'), recordRepresentation: 'mode' }],
  selections: { ServiceCoverage: { list: 'compound { id name } propertyCompany { id name }' } },
  compoundSections: [
    { key: 'coverage', order: 35, title: 'app.coverage.section', component: screen<Awaited<ReturnType<typeof load>>, { compoundId: string; asOf: string }>(load, 'CompoundCoverage') },
  ],
  messages,
};
