import SavingsIcon from '@mui/icons-material/Savings';
import { type ConsoleModule, crudScreens } from '../common/module';
import { messages } from './messages';

const load = () => import('./budgets');

/** 年度预算: each programme's yearly budget, with what is committed and paid against it. */
export const budgetModule: ConsoleModule = {
  name: 'budget',
  menuGroup: 'incentives',
  resources: ({ edit }) => [
    {
      name: 'IncentiveBudget',
      icon: SavingsIcon,
      ...crudScreens(load, 'Budget', edit),
      recordRepresentation: (r) => String(r.year),
    },
  ],
  messages,
};
