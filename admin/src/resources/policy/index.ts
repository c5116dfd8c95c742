import DescriptionIcon from '@mui/icons-material/Description';
import { type ConsoleModule, crudScreens } from '../common/module';
import { messages } from './messages';

const load = () => import('./documents');

/** 政策文件: documents, their clauses and citations. */
export const policyModule: ConsoleModule = {
  name: 'policy',
  menuGroup: 'work',
  resources: ({ edit }) => [
    {
      name: 'PolicyDocument',
      icon: DescriptionIcon,
      ...crudScreens(load, 'PolicyDocument', edit),
      recordRepresentation: 'title',
    },
    { name: 'Clause', recordRepresentation: 'number' },
    { name: 'DocumentCitation' },
  ],
  messages,
};
