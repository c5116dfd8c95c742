import Diversity3Icon from '@mui/icons-material/Diversity3';
import GroupsIcon from '@mui/icons-material/Groups';
import VerifiedIcon from '@mui/icons-material/Verified';
import { type ConsoleModule, crudScreens, screen } from '../common/module';
import { messages } from './messages';

const organizations = () => import('./organizations');
const members = () => import('./members');
const threeHave = () => import('./threeHave');
const section = () => import('./CompoundPartyOrganization');

/**
 * 党组织 of compounds and property companies, the committee members in them (交叉任职), and the “三有”
 * companies the office counts. The community's staff record their compounds' organisations.
 */
export const partyOrganizationModule: ConsoleModule = {
  name: 'party-organization',
  menuGroup: 'organization',
  resources: ({ edit, role }) => [
    { name: 'PartyOrganization', icon: Diversity3Icon, ...crudScreens(organizations, 'PartyOrganization', edit || role === 'UNIT_STAFF'), recordRepresentation: 'name' },
    {
      name: 'PartyOrganizationMember',
      icon: GroupsIcon,
      ...crudScreens(members, 'PartyOrganizationMember', edit || role === 'UNIT_STAFF', ['list', 'edit', 'create']),
      recordRepresentation: (r) => r.committeeMember?.name ?? String(r.id),
    },
    { name: 'ThreeHaveDesignation', icon: VerifiedIcon, ...crudScreens(threeHave, 'ThreeHaveDesignation', edit), recordRepresentation: (r) => r.propertyCompany?.name ?? String(r.id) },
  ],
  selections: {
    PartyOrganization: { list: 'compound { id name } propertyCompany { id name } jurisdiction { id name }', one: 'maySingle instructorRequired crossServing' },
    PartyOrganizationMember: { list: 'partyOrganization { id name } committeeMember { id name role }' },
    ThreeHaveDesignation: { list: 'propertyCompany { id name }' },
  },
  compoundSections: [
    {
      key: 'party-organization',
      order: 20,
      title: 'app.party.section',
      component: screen<Awaited<ReturnType<typeof section>>, { compoundId: string; asOf: string }>(section, 'CompoundPartyOrganization'),
    },
  ],
  messages,
};
