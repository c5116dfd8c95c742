import DescriptionIcon from '@mui/icons-material/Description';
import { type ConsoleModule, screen } from '../common/module';
import { messages } from './messages';

const load = () => import('./documents');

/** 政策文件: documents, their clauses and citations. */
export const policyModule: ConsoleModule = {
  name: 'policy',
  resources: ({ edit }) => [
    {
      name: 'PolicyDocument',
      icon: DescriptionIcon,
      list: screen(load, 'PolicyDocumentList'),
      show: screen(load, 'PolicyDocumentShow'),
      edit: edit ? screen(load, 'PolicyDocumentEdit') : undefined,
      create: edit ? screen(load, 'PolicyDocumentCreate') : undefined,
      recordRepresentation: 'title',
    },
    { name: 'Clause', recordRepresentation: 'number' },
    { name: 'DocumentCitation' },
  ],
  messages,
};
