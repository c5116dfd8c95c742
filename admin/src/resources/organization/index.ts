import ApartmentIcon from '@mui/icons-material/Apartment';
import BusinessIcon from '@mui/icons-material/Business';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import MapIcon from '@mui/icons-material/Map';
import { type ConsoleModule, crudScreens } from '../common/module';
import { messages } from './messages';

const companies = () => import('./companies');
const compounds = () => import('./compounds');
const jurisdictions = () => import('./jurisdictions');
const units = () => import('./units');

/** 组织机构: jurisdictions, units, property companies, compounds. */
export const organizationModule: ConsoleModule = {
  name: 'organization',
  menuGroup: 'organization',
  resources: ({ edit }) => [
    {
      name: 'Jurisdiction',
      icon: MapIcon,
      ...crudScreens(jurisdictions, 'Jurisdiction', edit),
      recordRepresentation: 'name',
    },
    {
      name: 'Unit',
      icon: ApartmentIcon,
      ...crudScreens(units, 'Unit', edit),
      recordRepresentation: 'name',
    },
    {
      name: 'PropertyCompany',
      icon: BusinessIcon,
      ...crudScreens(companies, 'PropertyCompany', edit),
      recordRepresentation: 'name',
    },
    {
      name: 'Compound',
      icon: HomeWorkIcon,
      ...crudScreens(compounds, 'Compound', edit),
      recordRepresentation: 'name',
    },
  ],
  selections: { Compound: { list: 'community { id name } propertyCompany { id name } flags', one: 'committeeStanding' } },
  messages,
};
