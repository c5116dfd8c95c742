import GroupsIcon from '@mui/icons-material/Groups';
import { type ConsoleModule, crudScreens, screen } from '../common/module';
import { messages } from './messages';

const load = () => import('./committees');

/**
 * 业主委员会: committees and their members, surveys and report meetings, recorded by the community from
 * the compound page or imported from the office's sheet (业委会名册); the list filters by community and
 * standing (party share under half, re-election due).
 */
export const ownersCommitteeModule: ConsoleModule = {
  name: 'owners-committee',
  menuGroup: 'organization',
  resources: ({ edit, role }) => {
    const facts = edit || role === 'UNIT_STAFF';
    return [
      { name: 'OwnersCommittee', icon: GroupsIcon, ...crudScreens(load, 'OwnersCommittee', facts), recordRepresentation: (r) => `${r.compound?.name ?? ''} ${r.formedOn}`.trim() },
      { name: 'CommitteeMember', ...crudScreens(load, 'CommitteeMember', facts, ['edit', 'create']), recordRepresentation: 'name' },
      { name: 'CommitteeSurvey', ...crudScreens(load, 'CommitteeSurvey', facts, ['edit', 'create']), recordRepresentation: (r) => `${r.year}-${r.half}` },
      { name: 'CommitteeReportMeeting', ...crudScreens(load, 'CommitteeReportMeeting', facts, ['edit', 'create']), recordRepresentation: (r) => `${r.year}` },
    ];
  },
  selections: { OwnersCommittee: { list: 'compound { id name community { id name } }' } },
  compoundSections: [
    { key: 'committee', order: 10, title: 'app.committees.section', component: screen<Awaited<ReturnType<typeof load>>, { compoundId: string; asOf: string }>(load, 'CompoundCommittee') },
  ],
  messages,
};
