import EmojiEventsIcon from '@mui/icons-material/EmojiEvents';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import PaymentsIcon from '@mui/icons-material/Payments';
import RuleIcon from '@mui/icons-material/Rule';
import ViewKanbanIcon from '@mui/icons-material/ViewKanban';
import { type ConsoleModule, crudScreens, screen } from '../common/module';
import { MOVES_SELECTION, STEPS_SELECTION } from '../common/workflow.selections';
import { messages } from './messages';

const cases = () => import('./awardCases');
const payouts = () => import('./payouts');
const programmes = () => import('./programmes');
const rules = () => import('./rules');

const USER = '{ id username displayName }';
const CASE = 'case { id year appliedOn superiorAcceptedOn streetAcceptedOn compound { name } community { name } propertyCompany { name } }';
const RULE = 'rule { id name printed version validFrom validTo sourceClause { number } sourceDocument { title docNumber } }';

/**
 * 激励: award cases (示范点创建验收), payouts, programmes and their rules; the approval queue is for
 * the office (approving itself is PARTY_OFFICE only: the API says so per payout).
 */
export const incentiveModule: ConsoleModule = {
  name: 'incentive',
  menuGroup: 'incentives',
  resources: ({ edit }) => [
    {
      name: 'AwardCase',
      icon: ViewKanbanIcon,
      list: screen(cases, 'AwardCaseBoard'),
      show: screen(cases, 'AwardCaseShow'),
      edit: edit ? screen(cases, 'AwardCaseEdit') : undefined,
      create: edit ? screen(cases, 'AwardCaseCreate') : undefined,
      recordRepresentation: (r) => r.compound?.name ?? r.id,
    },
    {
      name: 'Payout',
      icon: PaymentsIcon,
      ...crudScreens(payouts, 'Payout', edit, ['list', 'show', 'edit']),
      recordRepresentation: 'recipientName',
    },
    {
      name: 'IncentiveProgramme',
      icon: EmojiEventsIcon,
      ...crudScreens(programmes, 'Programme', edit),
      recordRepresentation: 'name',
    },
    {
      name: 'IncentiveRule',
      icon: RuleIcon,
      ...crudScreens(rules, 'Rule', edit),
      recordRepresentation: 'name',
    },
  ],
  routes: ({ edit }) => [edit ? { path: '/approvals', component: screen(() => import('./Approvals'), 'Approvals') } : null],
  menu: [{ group: 'incentives', to: '/approvals', label: 'app.approvals.title', icon: FactCheckIcon, testId: 'menu-approvals', visible: (v) => v.edit }],
  statusColors: {
    PayoutStatus: { DRAFT: 'default', SUBMITTED: 'warning', APPROVED: 'info', PAID: 'success', REJECTED: 'error', CANCELLED: 'default' },
    AwardCaseStatus: { APPLIED: 'default', INSPECTED: 'info', SUPERIOR_ACCEPTED: 'primary', STREET_ACCEPTED: 'success', REJECTED: 'error' },
  },
  selections: {
    IncentiveRule: { list: 'lines { id recipientRole amountFen amount printedAmount note } sourceClause { number } sourceDocument { title docNumber }' },
    AwardCase: {
      list: `compound { name } community { name } propertyCompany { name } programme { name } ${MOVES_SELECTION}`,
      one: `steps { ${STEPS_SELECTION} } payouts { id status amountFen recipientRole recipientName }`,
    },
    Payout: {
      list: `programme { name } ${CASE} ${RULE} recipientCompany { uscc } submittedBy ${USER} approvedBy ${USER} paidBy ${USER} signaturesAfterPasswordReset { id toStatus actorName signerPasswordSetBy signerPasswordSetAt } ${MOVES_SELECTION}`,
      one: 'transitions { id fromStatus toStatus actorName reason at signedInAt signerIp signerPasswordSetBy signerPasswordSetAt }',
    },
  },
  messages,
};
