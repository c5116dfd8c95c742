import GroupsIcon from '@mui/icons-material/Groups';
import { type ConsoleModule, crudScreens, screen } from '../common/module';
import { messages } from './messages';

const load = () => import('./committees');

/** 业主委员会: committees and their members, recorded by the community from the compound page; the list filters by compound and kind. */
export const ownersCommitteeModule: ConsoleModule = {
  name: 'owners-committee',
  resources: ({ edit, role }) => {
    const facts = edit || role === 'UNIT_STAFF';
    return [
      { name: 'OwnersCommittee', icon: GroupsIcon, ...crudScreens(load, 'OwnersCommittee', facts), recordRepresentation: (r) => `${r.formedOn}` },
      { name: 'CommitteeMember', ...crudScreens(load, 'CommitteeMember', facts, ['edit', 'create']), recordRepresentation: 'name' },
    ];
  },
  compoundSections: [
    { key: 'committee', order: 10, title: 'app.committees.section', component: screen<Awaited<ReturnType<typeof load>>, { compoundId: string; asOf: string }>(load, 'CompoundCommittee') },
  ],
  messages,
};
