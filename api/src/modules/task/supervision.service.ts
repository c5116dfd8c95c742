import { type DataSource, type EntityManager, In, IsNull, type ObjectLiteral } from 'typeorm';
import type { Actor } from '../../common/context';
import { CrudService, type CrudOptions } from '../../common/crud.service';
import { addDays, todayInChina } from '../../common/dates';
import { badInput, forbidden, notFound } from '../../common/errors';
import { Role } from '../../common/roles';
import { assertWritable } from '../../common/scope';
import { groupBy } from '../../common/loaders';
import type { TransactionRunner } from '../../common/transactions';
import type { AuditService } from '../audit/audit.service';
import { notify } from '../notification/notification.service';
import { Unit } from '../organization/unit.entity';
import { Assignment } from './assignment.entity';
import { KeyWork } from './key-work.entity';
import { Plan } from './plan.entity';
import { TaskItem } from './task-item.entity';
import type { DutyService } from './duty.service';
import { OccurrenceStatus } from './duty.types';
import { ProgressStatus } from './enums';
import type { ProgressService } from './progress.service';
import type { ProgressPanels } from './progress.panels';
import { ReminderKind, TaskReminder, Urgency, Urging } from './supervision.entities';

/** An overdue deadline is announced by the pass only when it passed within this many days (older ones are recorded quietly). */
const NOTIFY_PAST_DAYS = 30;
const short = (text: string) => [...text].slice(0, 40).join('');

/** One open deadline of an assignment on a day: the task's, a milestone's, or a period of a duty. */
interface OpenDeadline {
  assignmentId: number;
  subject: string;
  dueOn: string;
}

/*
 * 督办 (issue 16): where each assignment stands as a light (黄灯 within REMINDER_DAYS of a deadline, 红灯
 * past one), the unit's receipt (签收), and the daily reminder pass: one 临近提醒 and one 到期催办 per
 * deadline and assignment, however often the pass runs (the reminder rows are UNIQUE).
 */
export class SupervisionService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly progress: ProgressService,
    private readonly panels: ProgressPanels,
    private readonly duty: DutyService,
    readonly reminderDays: number,
  ) {}

  /** Every open deadline of these assignments on the day (done ones, expired and archived plans left out). */
  private async openDeadlines(asOf: string, assignmentIds: readonly number[]): Promise<{ open: OpenDeadline[]; done: Set<number> }> {
    const states = await this.progress.states({ asOf, assignmentIds });
    const open: OpenDeadline[] = [];
    const done = new Set<number>();
    for (const s of states) {
      if (s.expired) continue;
      if (s.status === ProgressStatus.DONE) done.add(s.assignment.id);
      for (const o of s.open) open.push({ assignmentId: s.assignment.id, subject: o.milestone ? `milestone:${o.milestone.id}` : 'task', dueOn: o.dueDate });
    }
    for (const o of await this.duty.occurrences({ asOf, assignmentIds })) {
      if (o.status === OccurrenceStatus.OPEN || o.status === OccurrenceStatus.OVERDUE) open.push({ assignmentId: o.assignment.id, subject: `duty:${o.periodKey}`, dueOn: o.dueOn });
    }
    return { open, done };
  }

  /** The light of each assignment on the day, and its next deadline. */
  async urgencyOf(ids: readonly number[], asOf: string): Promise<Array<{ urgency: Urgency; nextDueOn: string | null }>> {
    const { open, done } = await this.openDeadlines(asOf, ids);
    const soon = addDays(asOf, this.reminderDays);
    const byAssignment = groupBy(ids, open, (o) => o.assignmentId);
    return ids.map((id, i) => {
      const mine = byAssignment[i];
      const next =
        mine
          .filter((o) => o.dueOn >= asOf)
          .map((o) => o.dueOn)
          .sort()[0] ?? null;
      const urgency = mine.some((o) => o.dueOn < asOf) ? Urgency.OVERDUE : next !== null && next <= soon ? Urgency.DUE_SOON : done.has(id) ? Urgency.DONE : Urgency.NONE;
      return { urgency, nextDueOn: next };
    });
  }

  /** Whether something of the assignment is overdue on the day. */
  async isOverdue(id: number, asOf: string): Promise<boolean> {
    return (await this.urgencyOf([id], asOf))[0].urgency === Urgency.OVERDUE;
  }

  /**
   * 签收: the unit's staff (or the office) acknowledge an assignment. Once: acknowledging again changes
   * nothing, writes no event and tells nobody. The office that issued the plan is told, in the same
   * transaction.
   */
  async acknowledge(id: number, actor: Actor): Promise<Assignment> {
    return this.tx.run(async (em) => {
      const a = await em.findOneBy(Assignment, { id });
      if (!a) throw notFound('Assignment', id);
      const user = actor.user;
      if (user?.role === Role.UNIT_STAFF) {
        if (user.unitId !== a.unitId) throw forbidden('Unit staff acknowledge only their own unit’s assignments', 'ROLE');
      } else await assertWritable(em, Assignment, a, 'Assignment');
      if (a.acknowledgedAt) return a;
      const before = { acknowledgedAt: null, acknowledgedById: null };
      // only while not yet acknowledged: of two at once, one writes and one finds it done
      const written = await em.update(Assignment, { id, acknowledgedAt: IsNull() }, { acknowledgedAt: new Date(), acknowledgedById: user?.id ?? null });
      const after = await em.findOneByOrFail(Assignment, { id });
      if (written.affected === 0) return after;
      await this.audit.record(em, actor, {
        action: 'ACKNOWLEDGE',
        entityType: 'Assignment',
        entityId: id,
        before,
        after: { acknowledgedAt: after.acknowledgedAt, acknowledgedById: after.acknowledgedById },
      });
      const task = await em.findOneByOrFail(TaskItem, { id: a.taskItemId });
      const keyWork = await em.findOneByOrFail(KeyWork, { id: task.keyWorkId });
      const plan = await em.findOneByOrFail(Plan, { id: keyWork.planId });
      const unit = await em.findOneBy(Unit, { id: a.unitId });
      await notify(em, {
        recipients: { offices: [plan.jurisdictionId] },
        kind: 'TASK_ACKNOWLEDGED',
        params: { unit: unit?.name ?? String(a.unitId), task: short(task.title ?? task.content) },
        link: `#/Plan/${plan.id}/show`,
        entityType: 'Assignment',
        entityId: id,
        actor,
      });
      return after;
    });
  }

  /**
   * The daily pass (a scheduler job): for every open deadline due within REMINDER_DAYS, a 临近提醒; for
   * every one past, a 到期催办 — each once per assignment and deadline. Returns what it found and sent.
   */
  async remind(day: string): Promise<{ dueSoon: number; overdue: number; sent: number }> {
    const soon = addDays(day, this.reminderDays);
    const tally = { dueSoon: 0, overdue: 0, sent: 0 };
    // the tasks' and milestones' deadlines a batch at a time (counted and chosen in SQL: the city is never
    // held in memory at once), then the recurring duties' periods
    let after = { assignmentId: 0, milestoneId: 0 };
    for (;;) {
      const batch = await this.panels.openDeadlineBatch(day, soon, after, REMIND_BATCH);
      if (!batch.length) break;
      const last = batch[batch.length - 1];
      after = { assignmentId: last.assignmentId, milestoneId: last.milestoneId ?? 0 };
      await this.send(
        day,
        batch.map((o) => ({ assignmentId: o.assignmentId, subject: o.milestoneId != null ? `milestone:${o.milestoneId}` : 'task', dueOn: o.dueDate })),
        tally,
      );
      if (batch.length < REMIND_BATCH) break;
    }
    const duties: OpenDeadline[] = [];
    for (const o of await this.duty.occurrences({ asOf: day })) {
      if ((o.status === OccurrenceStatus.OPEN || o.status === OccurrenceStatus.OVERDUE) && o.dueOn <= soon)
        duties.push({ assignmentId: o.assignment.id, subject: `duty:${o.periodKey}`, dueOn: o.dueOn });
    }
    for (let i = 0; i < duties.length; i += REMIND_BATCH) await this.send(day, duties.slice(i, i + REMIND_BATCH), tally);
    return tally;
  }

  /** One batch of the pass: the reminders not yet sent are recorded (UNIQUE rows) and the units told, in one transaction. */
  private async send(day: string, open: OpenDeadline[], tally: { dueSoon: number; overdue: number; sent: number }): Promise<void> {
    const wanted = open.map((o) => ({ ...o, kind: o.dueOn < day ? ReminderKind.OVERDUE : ReminderKind.DUE_SOON }));
    for (const w of wanted) tally[w.kind === ReminderKind.OVERDUE ? 'overdue' : 'dueSoon']++;
    const key = (r: { assignmentId: number; subject: string; kind: string }) => `${r.assignmentId}|${r.subject}|${r.kind}`;
    await this.tx.run(async (em: EntityManager) => {
      const ids = [...new Set(wanted.map((w) => w.assignmentId))];
      const known = new Set<string>();
      for (let i = 0; i < ids.length; i += 500) {
        for (const r of await em.find(TaskReminder, { where: { assignmentId: In(ids.slice(i, i + 500)) } })) known.add(key(r));
      }
      const fresh = wanted.filter((w) => !known.has(key(w)));
      for (let i = 0; i < fresh.length; i += 200) {
        await em.insert(
          TaskReminder,
          fresh.slice(i, i + 200).map((w) => ({ assignmentId: w.assignmentId, subject: w.subject, kind: w.kind, dueOn: w.dueOn, sentOn: day })),
        );
      }
      tally.sent += fresh.length;
      // the unit's staff are told of each; an overdue deadline long past (before the pass first ran, say) is
      // recorded, not announced: only those due from NOTIFY_PAST_DAYS before the day
      const recent = addDays(day, -NOTIFY_PAST_DAYS);
      const told = fresh.filter((w) => w.dueOn >= recent);
      const assignments = told.length ? await em.find(Assignment, { where: { id: In([...new Set(told.map((w) => w.assignmentId))]) } }) : [];
      const tasks = assignments.length ? await em.find(TaskItem, { where: { id: In([...new Set(assignments.map((a) => a.taskItemId))]) } }) : [];
      const assignmentById = new Map(assignments.map((a) => [a.id, a]));
      const taskById = new Map(tasks.map((t) => [t.id, t]));
      for (const w of told) {
        const a = assignmentById.get(w.assignmentId)!;
        const task = taskById.get(a.taskItemId)!;
        await notify(em, {
          recipients: { units: [a.unitId] },
          kind: w.kind === ReminderKind.OVERDUE ? 'TASK_OVERDUE' : 'TASK_DUE_SOON',
          params: { task: short(task.title ?? task.content), due: w.dueOn },
          link: '#/my-tasks',
          entityType: 'Assignment',
          entityId: a.id,
          dedupeKey: `reminder:${a.id}:${w.subject}:${w.kind}`,
          actor: null,
        });
      }
    });
  }
}

/** Deadlines per batch of the daily pass: one transaction each. */
const REMIND_BATCH = 2000;

/** 催办: the office that issued the plan sends it about an assignment with something overdue today. */
export class UrgingService extends CrudService<Urging> {
  constructor(
    ds: DataSource,
    tx: TransactionRunner,
    audit: AuditService,
    opts: CrudOptions<Urging>,
    private readonly supervision: () => SupervisionService,
  ) {
    super(ds, tx, audit, opts);
  }

  async create(input: ObjectLiteral, actor: Actor): Promise<Urging> {
    return super.create({ ...input, sentOn: todayInChina(), sentById: actor.user?.id ?? null }, actor);
  }

  /** The unit's staff are told, with the office's words, in the same transaction. */
  protected async afterInsert(em: EntityManager, saved: Urging, _input: ObjectLiteral, actor: Actor): Promise<void> {
    const a = await em.findOneByOrFail(Assignment, { id: saved.assignmentId });
    const task = await em.findOneByOrFail(TaskItem, { id: a.taskItemId });
    await notify(em, {
      recipients: { units: [a.unitId] },
      kind: 'TASK_URGED',
      params: { task: short(task.title ?? task.content), date: saved.sentOn },
      body: saved.message,
      link: '#/my-tasks',
      entityType: 'Urging',
      entityId: saved.id,
      actor,
    });
  }

  protected async validate(_em: EntityManager, next: Urging): Promise<void> {
    if (next.dueBy && next.dueBy < next.sentOn) throw badInput('dueBy', 'A 催办 asks for a day from today on', 'END_BEFORE_START');
    if (!(await this.supervision().isOverdue(next.assignmentId, next.sentOn)))
      throw badInput('assignmentId', 'Nothing of this assignment is overdue today: a 催办 is for an overdue item', 'NOT_OVERDUE');
  }
}
