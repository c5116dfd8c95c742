import AssignmentIcon from '@mui/icons-material/AssignmentTurnedIn';
import ChecklistIcon from '@mui/icons-material/Checklist';
import { type ConsoleModule, screen } from '../common/module';
import { messages } from './messages';

const plans = () => import('./plans');

/** 任务清单: plans with their key works, targets and tasks; 我的任务 for the units. */
export const taskModule: ConsoleModule = {
  name: 'task',
  resources: () => [{ name: 'Plan', icon: ChecklistIcon, list: screen(plans, 'PlanList'), show: screen(plans, 'PlanShow'), recordRepresentation: 'name' }],
  routes: () => [{ path: '/my-tasks', component: screen(() => import('./MyTasks'), 'MyTasks') }],
  // for users who belong to a unit
  menu: [{ to: '/my-tasks', label: 'app.tasks.mine', icon: AssignmentIcon, testId: 'menu-my-tasks', visible: (v) => Boolean(v.unitId) }],
  statusColors: { ProgressStatus: { NOT_STARTED: 'default', IN_PROGRESS: 'info', DONE: 'success' } },
  messages,
};
