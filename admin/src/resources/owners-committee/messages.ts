import { defineMessages } from '../../i18n/messages';

/** The owners-committee module's messages: its resources' names and fields, its enums, its app.* texts. */
export const messages = defineMessages(
  {
    resources: { OwnersCommittee: { name: '业主委员会 |||| 业主委员会' } },
    enums: { CommitteeKind: { ELECTED: '业主委员会', PROVISIONAL: '临时物业管理委员会' } },
    app: { committees: { errors: { party_members_over: '党员人数不能多于委员人数' } } },
  },
  {
    resources: { OwnersCommittee: { name: 'Owners committee |||| Owners committees' } },
    enums: { CommitteeKind: { ELECTED: 'Owners committee', PROVISIONAL: 'Provisional committee' } },
    app: { committees: { errors: { party_members_over: 'There cannot be more party members than members' } } },
  },
);
