import { defineMessages } from '../../i18n/messages';

/** The owners-committee module's messages: its resources' names and fields, its enums, its app.* texts. */
export const messages = defineMessages(
  { resources: { OwnersCommittee: { name: '业主委员会 |||| 业主委员会' } }, enums: { CommitteeKind: { ELECTED: '业主委员会', PROVISIONAL: '临时物业管理委员会' } } },
  {
    resources: { OwnersCommittee: { name: 'Owners committee |||| Owners committees' } },
    enums: { CommitteeKind: { ELECTED: 'Owners committee', PROVISIONAL: 'Provisional committee' } },
  },
);
