import { defineMessages } from '../../i18n/messages';

/** The party-organization module's messages: its resources' names and fields, its enums, its app.* texts. */
export const messages = defineMessages(
  { resources: { PartyOrganization: { name: '小区党组织 |||| 小区党组织' } } },
  { resources: { PartyOrganization: { name: 'Party organisation |||| Party organisations' } } },
);
