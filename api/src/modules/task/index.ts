import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { SheetImporter } from '../../common/sheet-import/sheet-import';
import { Assignment } from './assignment.entity';
import type { KindParams, NotificationKindDecls } from '../notification';
import { BulletinService } from './bulletin';
import { mountBulletin } from './bulletin.http';
import { LivingTaskLists1765500000000 } from './migrations/1765500000000-LivingTaskLists';
import { DutyReports1765500000001 } from './migrations/1765500000001-DutyReports';
import { Supervision1765500000002 } from './migrations/1765500000002-Supervision';
import { LatestReportKeeper } from './progress.latest';
import { AssignmentLatestReport1765830000002 } from './migrations/1765830000002-AssignmentLatestReport';
import { ProgressStatusIndex1765830000001 } from './migrations/1765830000001-ProgressStatusIndex';
import { TaskReminder, Urging } from './supervision.entities';
import { SupervisionService, UrgingService } from './supervision.service';
import { AssignmentSupervisionResolver, UrgingResolver } from './supervision.resolver';
import { DutyReport } from './duty-report.entity';
import { PlanKind } from './enums';
import { DutyReportService, DutyService } from './duty.service';
import { DutyReportResolver, DutyResolver } from './duty.resolver';
import { KeyWork } from './key-work.entity';
import { Milestone } from './milestone.entity';
import { Plan } from './plan.entity';
import { ProgressReport } from './progress-report.entity';
import { AssignmentStatusResolver, ProgressResolver } from './progress.resolver';
import { ProgressService } from './progress.service';
import { ProgressPanels } from './progress.panels';
import { Target } from './target.entity';
import { TaskItem } from './task-item.entity';
import { TaskImportResolver } from './task-import.resolver';
import { TaskImportService, taskListImport } from './task-import.service';
import { actionPlanImport } from './action-plan-import.service';
import { AssignmentResolver, KeyWorkResolver, MilestoneResolver, PlanResolver, ProgressReportResolver, TargetResolver, TaskItemResolver } from './task.resolver';
import { AssignmentService, KeyWorkService, MilestoneService, PlanService, ProgressReportService, TargetService, TaskItemService } from './task.service';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit, config }: ModuleKit) => {
  const duty = new DutyService(ds);
  const progress = new ProgressService(ds);
  const panels = new ProgressPanels(ds, duty);
  const supervision = new SupervisionService(tx, audit, progress, panels, duty, config.reminderDays ?? 3);
  return {
    plan: new PlanService(ds, tx, audit, { entity: Plan, typeName: 'Plan' }),
    keyWork: new KeyWorkService(ds, tx, audit, {
      entity: KeyWork,
      typeName: 'KeyWork',
      derivedColumns: ['aliases'],
      searchColumns: ['title'],
      defaultSort: [
        ['planId', 'ASC'],
        ['sortOrder', 'ASC'],
      ],
    }),
    target: new TargetService(ds, tx, audit, {
      entity: Target,
      typeName: 'Target',
      searchColumns: ['title'],
      defaultSort: [
        ['keyWorkId', 'ASC'],
        ['sortOrder', 'ASC'],
      ],
    }),
    taskItem: new TaskItemService(ds, tx, audit, {
      entity: TaskItem,
      typeName: 'TaskItem',
      // read from deadlineText (common/deadline.ts)
      derivedColumns: ['deadlineKind'],
      searchColumns: ['content', 'title'],
      defaultSort: [
        ['keyWorkId', 'ASC'],
        ['sortOrder', 'ASC'],
      ],
    }),
    milestone: new MilestoneService(ds, tx, audit, {
      entity: Milestone,
      typeName: 'Milestone',
      derivedColumns: ['dueDate'],
      searchColumns: ['text'],
      defaultSort: [
        ['dueDate', 'ASC'],
        ['id', 'ASC'],
      ],
    }),
    assignment: new AssignmentService(
      ds,
      tx,
      audit,
      {
        entity: Assignment,
        typeName: 'Assignment',
        searchColumns: [],
        defaultSort: [
          ['taskItemId', 'ASC'],
          ['sortOrder', 'ASC'],
        ],
      },
      () => (ids, asOf) => supervision.urgencyOf(ids, asOf),
    ),
    progress,
    progressPanels: panels,
    progressReport: new ProgressReportService(
      ds,
      tx,
      audit,
      {
        entity: ProgressReport,
        typeName: 'ProgressReport',
        searchColumns: ['note'],
        defaultSort: [
          ['reportDate', 'DESC'],
          ['id', 'DESC'],
        ],
      },
      config.progressBackdateDays,
    ),
    taskImport: new TaskImportService({
      [PlanKind.TASK_LIST]: new SheetImporter(taskListImport, ds, tx, audit),
      [PlanKind.SPECIAL_ACTIONS]: new SheetImporter(actionPlanImport, ds, tx, audit),
    }),
    duty,
    supervision,
    bulletin: new BulletinService(ds, panels, duty),
    urging: new UrgingService(ds, tx, audit, { entity: Urging, typeName: 'Urging', searchColumns: ['message'], defaultSort: [['id', 'DESC']] }, () => supervision),
    dutyReport: new DutyReportService(
      ds,
      tx,
      audit,
      {
        entity: DutyReport,
        typeName: 'DutyReport',
        searchColumns: ['note'],
        derivedColumns: ['periodKey'],
        defaultSort: [
          ['heldOn', 'DESC'],
          ['id', 'DESC'],
        ],
      },
      config.progressBackdateDays,
    ),
  };
};

/** The notifications it sends (modules/notification; the console translates them in resources/task/messages.ts). */
const notificationKinds = {
  TASK_ASSIGNED: { description: 'A task was assigned to a unit (立项交办): told to its staff', params: ['task', 'deadline'], title: '新任务：%{task}（%{deadline}）' },
  TASK_ACKNOWLEDGED: {
    description: 'A unit acknowledged (签收) its assignment: told to the office that issued the plan',
    params: ['unit', 'task'],
    title: '已签收：%{unit}签收了 %{task}',
  },
  TASK_URGED: { description: 'The office sent a 催办 about an overdue assignment: told to the unit’s staff', params: ['task', 'date'], title: '催办：%{task}（%{date}）' },
  TASK_DUE_SOON: { description: 'The daily pass: a deadline of the unit’s assignment is near (黄灯)', params: ['task', 'due'], title: '临近到期：%{task}（%{due} 前）' },
  TASK_OVERDUE: { description: 'The daily pass: a deadline of the unit’s assignment has passed (红灯)', params: ['task', 'due'], title: '已逾期：%{task}（应于 %{due} 前）' },
} as const satisfies NotificationKindDecls;

/** The refusal reasons its code throws (extensions.reason; see common/reasons.ts). */
const reasons = {
  BEFORE_ASSIGNMENT: 'A progress report is dated before its assignment existed (extensions.earliest)',
  BACKDATED: 'A progress report is dated further back than units may date one (extensions.limitDays, extensions.earliest)',
  HAS_PROGRESS: 'Progress was reported on this part of a plan, so it is kept: archive the plan instead (extensions.reports)',
  UNKNOWN_DEADLINE: 'The deadline is not one the deadline grammar reads (a date, 某月底前, a quarter, 年底, 长期坚持, 每月…)',
  YEAR_REQUIRED: 'The deadline names no year and the plan has none to read it in',
  BAD_DATE: 'The deadline names a day that does not exist, or one outside 2000–2100',
  MILESTONE_NEEDS_DATE: 'A milestone is a dated step: its deadline must name a day',
  NOT_OVERDUE: 'A 催办 is for an assignment with something overdue today',
} as const;

/** 任务清单: plans, key works, targets, tasks, milestones, responsible units, progress reports. */
export const taskModule: ApiModule = {
  name: 'task',
  entities: [Plan, KeyWork, Target, TaskItem, Milestone, Assignment, ProgressReport, DutyReport, Urging, TaskReminder],
  subscribers: [LatestReportKeeper],
  migrations: [LivingTaskLists1765500000000, DutyReports1765500000001, Supervision1765500000002, ProgressStatusIndex1765830000001, AssignmentLatestReport1765830000002],
  services,
  resolvers: [
    PlanResolver,
    KeyWorkResolver,
    TargetResolver,
    TaskItemResolver,
    MilestoneResolver,
    AssignmentResolver,
    ProgressReportResolver,
    ProgressResolver,
    AssignmentStatusResolver,
    TaskImportResolver,
    DutyReportResolver,
    DutyResolver,
    UrgingResolver,
    AssignmentSupervisionResolver,
  ],
  jobs: (services) => [{ name: 'task-reminders', run: (day) => services.supervision.remind(day) }],
  http: (app, kit) => mountBulletin(app, kit),
  reasons,
  notificationKinds,
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../notification/notification.kinds' {
  interface ModuleNotificationKinds extends KindParams<typeof notificationKinds> {}
}

declare module '../../common/reasons' {
  interface ModuleReasons extends Record<keyof typeof reasons, true> {}
}
