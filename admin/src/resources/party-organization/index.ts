import type { ConsoleModule } from '../common/module';
import { messages } from './messages';

/** 小区党组织: no screens of its own yet (issue 15 brings them); its names are used where branches are rated. */
export const partyOrganizationModule: ConsoleModule = {
  name: 'party-organization',
  resources: () => [{ name: 'PartyOrganization', recordRepresentation: 'name' }],
  messages,
};
