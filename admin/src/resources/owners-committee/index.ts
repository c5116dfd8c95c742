import type { ConsoleModule } from '../common/module';
import { messages } from './messages';

/** 业主委员会: no screens of its own yet (issue 15 brings them); its names and choices are used where committees are rated or shown. */
export const ownersCommitteeModule: ConsoleModule = {
  name: 'owners-committee',
  resources: () => [{ name: 'OwnersCommittee' }],
  messages,
};
