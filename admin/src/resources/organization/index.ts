import ApartmentIcon from '@mui/icons-material/Apartment';
import BusinessIcon from '@mui/icons-material/Business';
import HomeWorkIcon from '@mui/icons-material/HomeWork';
import MapIcon from '@mui/icons-material/Map';
import { type ConsoleModule, screen } from '../common/module';
import { messages } from './messages';

const companies = () => import('./companies');
const jurisdictions = () => import('./jurisdictions');
const units = () => import('./units');

/** 组织机构: jurisdictions, units, property companies, compounds. */
export const organizationModule: ConsoleModule = {
  name: 'organization',
  resources: ({ edit }) => [
    {
      name: 'Jurisdiction',
      icon: MapIcon,
      list: screen(jurisdictions, 'JurisdictionList'),
      show: screen(jurisdictions, 'JurisdictionShow'),
      edit: edit ? screen(jurisdictions, 'JurisdictionEdit') : undefined,
      create: edit ? screen(jurisdictions, 'JurisdictionCreate') : undefined,
      recordRepresentation: 'name',
    },
    {
      name: 'Unit',
      icon: ApartmentIcon,
      list: screen(units, 'UnitList'),
      show: screen(units, 'UnitShow'),
      edit: edit ? screen(units, 'UnitEdit') : undefined,
      create: edit ? screen(units, 'UnitCreate') : undefined,
      recordRepresentation: 'name',
    },
    {
      name: 'PropertyCompany',
      icon: BusinessIcon,
      list: screen(companies, 'PropertyCompanyList'),
      show: screen(companies, 'PropertyCompanyShow'),
      edit: edit ? screen(companies, 'PropertyCompanyEdit') : undefined,
      create: edit ? screen(companies, 'PropertyCompanyCreate') : undefined,
      recordRepresentation: 'name',
    },
    {
      name: 'Compound',
      icon: HomeWorkIcon,
      list: screen(companies, 'CompoundList'),
      show: screen(companies, 'CompoundShow'),
      edit: edit ? screen(companies, 'CompoundEdit') : undefined,
      create: edit ? screen(companies, 'CompoundCreate') : undefined,
      recordRepresentation: 'name',
    },
  ],
  messages,
};
