import { defineMessages } from '../../i18n/messages';

/** The owners-committee module's messages: its resources' names and fields, its enums, its app.* texts. */
export const messages = defineMessages(
  {
    resources: {
      OwnersCommittee: { name: '业主委员会 |||| 业主委员会' },
      CommitteeMember: { name: '业委会成员 |||| 业委会成员' },
      CommitteeSurvey: { name: '满意度测评 |||| 满意度测评' },
      CommitteeReportMeeting: { name: '年度述职评议会 |||| 年度述职评议会' },
    },
    enums: {
      CommitteeKind: { ELECTED: '业主委员会', PROVISIONAL: '临时物业管理委员会' },
      CommitteeRole: { DIRECTOR: '主任', DEPUTY_DIRECTOR: '副主任', MEMBER: '委员' },
      PoliticalStatus: { CPC_MEMBER: '中共党员', CPC_PROBATIONARY: '中共预备党员', LEAGUE_MEMBER: '共青团员', DEMOCRATIC_PARTY: '民主党派', NON_PARTY: '无党派人士', MASSES: '群众' },
      EarlyElectionVote: { EARLY_REELECTION: '提前换届', CONTINUE: '继续履职' },
      CommitteeStanding: { IN_OFFICE: '任期内', PROVISIONAL: '临时物管会履职', REELECTION_DUE: '应换届', LAPSED: '已解散，未成立', NONE: '未成立' },
      CompoundFlag: { NO_COMMITTEE: '无业主自治组织', REELECTION_DUE: '业委会应换届', BELOW_PARTY_SHARE: '业委会党员比例不足50%', EARLY_ELECTION_VOTE_DUE: '满意度不足50%，待表决提前换届' },
    },
    app: {
      committees: {
        errors: {
          party_members_over: '党员人数不能多于委员人数',
          counts_from_members: '已登记成员的业委会，人数按成员名单计算，请增减或修改成员',
          before_formed: '成员任职日期不能早于业委会成立日期',
          outside_period: '日期早于所涉期间（半年度或年度）的开始',
        },
      },
    },
  },
  {
    resources: {
      OwnersCommittee: { name: 'Owners committee |||| Owners committees' },
      CommitteeMember: { name: 'Committee member |||| Committee members' },
      CommitteeSurvey: { name: 'Satisfaction survey |||| Satisfaction surveys' },
      CommitteeReportMeeting: { name: 'Annual report meeting |||| Annual report meetings' },
    },
    enums: {
      CommitteeKind: { ELECTED: 'Owners committee', PROVISIONAL: 'Provisional committee' },
      CommitteeRole: { DIRECTOR: 'Director', DEPUTY_DIRECTOR: 'Deputy director', MEMBER: 'Member' },
      PoliticalStatus: {
        CPC_MEMBER: 'CPC member',
        CPC_PROBATIONARY: 'CPC probationary member',
        LEAGUE_MEMBER: 'League member',
        DEMOCRATIC_PARTY: 'Democratic party',
        NON_PARTY: 'Non-party',
        MASSES: 'Masses',
      },
      EarlyElectionVote: { EARLY_REELECTION: 'Early re-election', CONTINUE: 'Continue' },
      CommitteeStanding: { IN_OFFICE: 'In office', PROVISIONAL: 'Provisional committee', REELECTION_DUE: 'Re-election due', LAPSED: 'Dissolved, none formed', NONE: 'None formed' },
      CompoundFlag: {
        NO_COMMITTEE: 'No owners’ committee',
        REELECTION_DUE: 'Committee re-election due',
        BELOW_PARTY_SHARE: 'Party share under 50%',
        EARLY_ELECTION_VOTE_DUE: 'Satisfaction under 50%: vote on early re-election due',
      },
    },
    app: {
      committees: {
        errors: {
          party_members_over: 'There cannot be more party members than members',
          counts_from_members: 'The committee’s members are recorded: its counts follow them (add, change or remove members)',
          before_formed: 'A member cannot serve before the committee was formed',
          outside_period: 'The date is before the period (half year or year) it is about began',
        },
      },
    },
  },
);
