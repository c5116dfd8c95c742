import AssignmentIcon from '@mui/icons-material/AssignmentTurnedIn';
import CampaignIcon from '@mui/icons-material/Campaign';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import ChecklistIcon from '@mui/icons-material/Checklist';
import { type ConsoleModule, screen } from '../common/module';
import { messages } from './messages';

const plans = () => import('./plans');
const taskEdit = () => import('./taskEdit');

/** 任务清单: plans with their key works, targets and tasks; 我的任务 for the units. */
export const taskModule: ConsoleModule = {
  name: 'task',
  menuGroup: 'work',
  resources: ({ edit }) => [
    { name: 'Plan', icon: ChecklistIcon, list: screen(plans, 'PlanList'), show: screen(plans, 'PlanShow'), edit: edit ? screen(taskEdit, 'PlanEdit') : undefined, recordRepresentation: 'name' },
    // reached from a plan's table: the office corrects a task there (no menu entry of its own)
    edit ? { name: 'TaskItem', edit: screen(taskEdit, 'TaskItemEdit'), create: screen(taskEdit, 'TaskItemCreate'), recordRepresentation: 'content' } : null,
  ],
  selections: {
    TaskItem: { list: 'keyWork { id planId plan { id year jurisdictionId } } assignments { id unitId isLead viaAllCommunities unit { id name } }' },
  },
  routes: () => [
    { path: '/my-tasks', component: screen(() => import('./MyTasks'), 'MyTasks') },
    { path: '/bulletin', component: screen(() => import('./Bulletin'), 'BulletinPage') },
    { path: '/duties', component: screen(() => import('./Duties'), 'DutiesPage') },
    // the lists behind the home page's figures (no menu entry: reached from the figures)
    { path: '/deadlines', component: screen(() => import('./Deadlines'), 'DeadlinesPage') },
  ],
  // for users who belong to a unit
  menu: [
    { group: 'work', to: '/my-tasks', label: 'app.tasks.mine', icon: AssignmentIcon, testId: 'menu-my-tasks', visible: (v) => Boolean(v.unitId) },
    // 通报: for the offices and their auditors
    { group: 'work', to: '/bulletin', label: 'app.bulletin.menu', icon: CampaignIcon, testId: 'menu-bulletin', visible: (v) => v.role !== 'UNIT_STAFF' },
    // 定期工作落实: the office follows its recurring duties, period by period
    { group: 'work', to: '/duties', label: 'app.duties.menu', icon: EventRepeatIcon, testId: 'menu-duties', visible: (v) => v.role !== 'UNIT_STAFF' },
  ],
  statusColors: {
    ProgressStatus: { NOT_STARTED: 'default', IN_PROGRESS: 'info', DONE: 'success' },
    OccurrenceStatus: { OPEN: 'info', HELD: 'success', HELD_LATE: 'warning', OVERDUE: 'error' },
  },
  messages,
};
