import type { DataSource, EntityManager, FindOneOptions, ObjectLiteral } from 'typeorm';
import type { AuditService } from '../../modules/audit/audit.service';
import { type Actor, signedBy } from '../context';
import { assertPastDate, todayInChina } from '../dates';
import { AppError, badInput, ErrorCode, forbidden, notFound } from '../errors';
import { childrenOf, type Loaders } from '../loaders';
import type { Role } from '../roles';
import type { Reason } from '../reasons';
import { type TransactionRunner, writeLock } from '../transactions';
import type { StepRow } from './step.entity';
import { assertWritableRow, forgetRow, ownerKey } from '../scope';

/** A row that moves through a workflow: its state and a counter bumped on every change. */
export interface StatefulRow {
  id: number;
  status: string;
  version: number;
}

/**
 * Writes a change only if the row is still in the state and version that were read:
 * `UPDATE … WHERE id = ? AND status = ? AND version = ?` must touch exactly one row, otherwise
 * another request got there first and this one gets CONFLICT (STALE). This, not `save()`, is what
 * makes a move happen once when many requests race.
 *
 * Returns the row as written, built from the row read (locked) and what was set: the one affected row
 * is exactly that, so it is not read back. The change time is the app's clock, sent with the UPDATE
 * (as the step's signing time is), rather than the database's, so the answer and the audit event carry
 * the value stored. A value given as SQL (a function) cannot be known without the database: then
 * the row is read back.
 */
export async function conditionalUpdate<T extends ObjectLiteral & StatefulRow>(em: EntityManager, entity: new () => T, typeName: string, read: T, set: Partial<T>): Promise<T> {
  const meta = em.connection.getMetadata(entity);
  const stamp = meta.updateDateColumn && !(meta.updateDateColumn.propertyName in set) ? { [meta.updateDateColumn.propertyName]: new Date() } : {};
  const values = { ...set, ...stamp } as Partial<T>;
  const result = await em
    .createQueryBuilder()
    .update(entity)
    .set({ ...values, version: () => 'version + 1' } as never)
    .where('id = :id AND status = :status AND version = :version', { id: read.id, status: read.status, version: read.version })
    .execute();
  if (result.affected !== 1) {
    throw new AppError(ErrorCode.CONFLICT, `${typeName} ${read.id} was changed by someone else meanwhile; reload it and try again`, { field: 'status', reason: 'STALE' });
  }
  // a change of owner (a rectification moved to a new edition) is not what the request checked before
  const owner = ownerKey(entity);
  if (owner && owner in set) forgetRow(em, entity, read.id);
  if (Object.values(values).some((v) => typeof v === 'function')) return em.findOneOrFail(entity, { where: { id: read.id } } as FindOneOptions<T>);
  return Object.assign(Object.create(Object.getPrototypeOf(read) as object) as T, read, values, { version: read.version + 1 });
}

/** Why a move is refused to this actor: a declared reason (ROLE, MAKER_CHECKER…) and its English message. */
export interface Denial {
  reason: Reason;
  message: string;
}

/** What a hook sees of a move in progress (inside its transaction). */
export interface MoveContext<S extends string, R> {
  em: EntityManager;
  actor: Actor;
  row: R;
  from: S;
  to: S;
  /** The step's day. */
  date: string;
  reason: string | null;
  /** Extra arguments of the move (e.g. a payment reference), as the caller gave them. */
  fields: ObjectLiteral;
  /** What `prepare` returned (e.g. a locked budget row). */
  prepared: unknown;
}

export interface TransitionDecl<S extends string, R> {
  from: readonly S[];
  to: S;
  /** Who may make this move; default the workflow's `roles`. */
  roles?: readonly Role[];
  /** Made only by the system (e.g. publication cancelling a rectification): never offered, refused to `advance`. */
  system?: boolean;
  /** When set, the move needs a reason; the text is the refusal's message. */
  reason?: string;
  /**
   * A further condition on the actor and row (maker-checker: the signer of the SUBMITTED stage may not
   * approve), applied to the move and to `nextStatuses`; `stages` is `Workflow.stages` of the row.
   */
  guard?: (row: R, actor: Actor, stages: Partial<Record<S, StepRow<S>>>) => Denial | null;
  /** Stages this move undoes (a re-application clears the earlier inspection and acceptances). */
  clears?: readonly S[];
  /** Whether the move marks the target stage (default true; a returned report re-enters a stage without marking it again). */
  stamp?: boolean;
  /**
   * A mutation of its own for this move besides `advance<Name>` (e.g. `approvePayout`), with the
   * roles of the move, its reason rule, and `dateArg` naming the date argument where the move is dated by hand;
   * `dateDefault: 'today'` makes that argument optional (an approval decided today need not say so).
   */
  mutation?: { name: string; description: string; dateArg?: string; dateDescription?: string; dateDefault?: 'today' };
}

export interface StageField<S extends string> {
  stage: S;
  /** The step's day, its timestamp, or its signer's id. */
  value: 'date' | 'at' | 'actorId';
  description?: string;
}

export interface WorkflowDecl<S extends string, R extends StatefulRow, St extends StepRow<S>> {
  /** The GraphQL type name: messages, audit events, `advance<Name>`. */
  name: string;
  entity: new () => R;
  statuses: Record<string, S>;
  /** The state a record opens in. */
  initial: S;
  /** The step entity and the column naming its record. */
  step: { entity: new () => St; owner: keyof St & string };
  /** Who may make a move unless the transition says otherwise. */
  roles: readonly Role[];
  /**
   * `given`: every step is dated by the actor (not in the future, not before the previous step);
   * `today`: steps are dated the day they are recorded, except moves whose mutation names a `dateArg`.
   */
  dated: 'given' | 'today';
  transitions: readonly TransitionDecl<S, R>[];
  /** The audit action of a move to `to`. */
  action: (to: S) => string;
  /**
   * Read-only fields derived from the steps (`inspectedOn`, `submittedById`…): the stage and what of
   * its step they show. They are resolved from the steps and sortable in lists.
   */
  stageFields?: Record<string, StageField<S>>;
  /** Extra columns of each step (the payout's signing session). */
  stepValues?: (actor: Actor) => ObjectLiteral;
  /** Further string arguments of moves (a payment reference), required for the moves to the states listed. */
  fields?: Record<string, { description: string; maxLength: number; requiredFor: readonly S[] }>;
  /**
   * Runs in the transaction before the row is locked (locks taken in a fixed order: budget, then payout).
   * `head` reads the record unlocked, for the moves that need it (a move that locks nothing first reads nothing).
   */
  prepare?: (em: EntityManager, head: () => Promise<R>, to: S) => Promise<unknown>;
  /** Vendure's onTransitionStart: may veto by throwing; may return columns to set with the move. */
  onTransitionStart?: (m: MoveContext<S, R>) => Promise<Partial<R> | void>;
  /** Vendure's onTransitionEnd: side effects after the move is written, in the same transaction. */
  onTransitionEnd?: (m: MoveContext<S, R>, after: R) => Promise<void>;
  /** Maps a unique-key violation during the move to a refusal (a payment reference already used). */
  onViolation?: (err: unknown, fields: ObjectLiteral) => Error | undefined;
}

/** Declares a workflow once; `Workflow` (the engine), the resolver and the console's timeline come from it. */
export function defineWorkflow<S extends string, R extends StatefulRow, St extends StepRow<S>>(d: WorkflowDecl<S, R, St>): WorkflowDecl<S, R, St> {
  for (const t of d.transitions) {
    for (const s of [...t.from, t.to, ...(t.clears ?? [])]) {
      if (!Object.values(d.statuses).includes(s)) throw new Error(`${d.name}: transition names unknown state ${s}`);
    }
  }
  return d;
}

export interface MoveRequest<S extends string> {
  to: S;
  /** The step's day; required where the workflow is dated by hand. */
  date?: string | null;
  reason?: string | null;
  fields?: ObjectLiteral;
  /** The argument the date came in, for messages (paidOn for markPayoutPaid). */
  dateField?: string;
}

/** The signed, audited write of one record's state, as every move is written (see `Workflow.move`). */
export interface RecordWriter<R> {
  snapshot(row: R): ObjectLiteral;
}

/**
 * The engine (after Vendure's FiniteStateMachine): one instance per declared workflow. A move is
 * checked against the declaration (transition, roles, guard, reason, date), vetoed or completed by
 * the hooks, and written exactly once: `UPDATE … WHERE id AND status AND version` must touch one
 * row, then one step row and one audit event, all in the caller's transaction.
 */
export class Workflow<S extends string, R extends StatefulRow, St extends StepRow<S>> {
  private readonly byEdge = new Map<string, TransitionDecl<S, R>>();

  constructor(
    readonly decl: WorkflowDecl<S, R, St>,
    private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly writer: RecordWriter<R>,
  ) {
    for (const t of decl.transitions) for (const from of t.from) this.byEdge.set(`${from}>${t.to}`, t);
  }

  get name(): string {
    return this.decl.name;
  }

  transition(from: S, to: S): TransitionDecl<S, R> | undefined {
    return this.byEdge.get(`${from}>${to}`);
  }

  /** Every target state, for the console's buttons and the schema's docs. */
  get targets(): S[] {
    return [...new Set(this.decl.transitions.filter((t) => !t.system).map((t) => t.to))];
  }

  /** Moves a record by hand (the `advance…` mutation and its named variants). */
  async advance(id: number, req: MoveRequest<S>, actor: Actor): Promise<R> {
    const reason = req.reason?.trim() || null;
    const fields = { ...req.fields };
    const dateField = req.dateField ?? 'date';
    const date = req.date == null || req.date === '' ? null : assertPastDate(req.date, dateField);
    for (const [name, f] of Object.entries(this.decl.fields ?? {})) {
      const value = typeof fields[name] === 'string' ? fields[name].trim() : '';
      if (f.requiredFor.includes(req.to) && !value) throw badInput(name, `${name} is required to move a ${this.name} to ${req.to}`, 'REQUIRED');
      if (value) fields[name] = value;
    }
    try {
      return await this.tx.run(async (em) => {
        const head = async () => (await em.findOne(this.decl.entity, { where: { id } } as FindOneOptions<R>)) ?? Promise.reject(notFound(this.name, id));
        const prepared = await this.decl.prepare?.(em, head, req.to);
        const row = await this.lock(em, id);
        return this.move(em, actor, row, req.to, { date, dateField, reason, fields, prepared });
      });
    } catch (err) {
      throw this.decl.onViolation?.(err, fields) ?? err;
    }
  }

  /**
   * One move inside the caller's transaction (`advance`, or a service such as publication moving a
   * record as the system with `system: true`). The row must have been read in this transaction.
   */
  async move(
    em: EntityManager,
    actor: Actor,
    row: R,
    to: S,
    o: { date?: string | null; dateField?: string; reason?: string | null; fields?: ObjectLiteral; prepared?: unknown; system?: boolean; set?: Partial<R> },
  ): Promise<R> {
    const from = row.status as S;
    const t = this.transition(from, to);
    if (!t || (t.system && !o.system)) {
      throw new AppError(ErrorCode.CONFLICT, `${this.name} ${row.id} is ${from}; it cannot move to ${to}`, { field: 'status', reason: 'INVALID_TRANSITION', from, to });
    }
    // one read of the steps answers the guard, the previous step's day and the stages before and after the move
    const steps = await this.stepsOf(em, row.id);
    const beforeStages = this.stages(steps);
    if (!o.system) {
      const denied = this.denial(t, row, actor, beforeStages);
      if (denied) throw forbidden(denied.message, denied.reason);
    }
    const reason = o.reason?.trim() || null;
    if (t.reason && !reason) throw badInput('reason', t.reason, 'REASON_REQUIRED');
    // the system dates its moves by the event that caused them (an edition's publication day)
    const date = o.system && o.date ? o.date : this.stepDate(steps.at(-1), t, o.date ?? null, o.dateField ?? t.mutation?.dateArg ?? 'date');
    const m: MoveContext<S, R> = { em, actor, row, from, to, date, reason, fields: o.fields ?? {}, prepared: o.prepared };
    const set = { ...((await this.decl.onTransitionStart?.(m)) ?? {}), ...o.set, status: to } as unknown as Partial<R>;

    const after = await conditionalUpdate(em, this.decl.entity, this.name, row, set);
    const step = await this.insertStep(em, actor, row.id, from, to, date, reason);
    await this.audit.record(em, actor, {
      action: this.decl.action(to),
      entityType: this.name,
      entityId: row.id,
      before: await this.snapshot(em, row, beforeStages),
      after: { ...(await this.snapshot(em, after, this.stages([...steps, step]))), reason, date },
    });
    await this.decl.onTransitionEnd?.(m, after);
    return after;
  }

  /** The first step of a record just inserted in its initial state (application, generation, listing). */
  async open(em: EntityManager, actor: Actor, id: number, date: string, reason: string | null = null): Promise<void> {
    await this.insertStep(em, actor, id, null, this.decl.initial, date, reason);
  }

  /**
   * What the audit trail records of a record: its columns and its stage fields (the day it was
   * inspected, who submitted it), so a step reads as a change of those facts.
   */
  async snapshot(em: EntityManager, row: R, stages?: Partial<Record<S, St>>): Promise<ObjectLiteral> {
    const st = stages ?? (await this.stagesOf(em, row.id));
    const derived: ObjectLiteral = {};
    for (const [name, f] of Object.entries(this.decl.stageFields ?? {})) {
      const step = st[f.stage];
      derived[name] = !step ? null : f.value === 'date' ? step.stepDate : f.value === 'at' ? new Date(step.at).toISOString() : step.actorId;
    }
    return { ...this.writer.snapshot(row), ...derived };
  }

  /** The states this actor may move the record to now (the console shows only these buttons). */
  async nextStatuses(row: R, actor: Actor, loaders: Loaders): Promise<S[]> {
    const moves = this.decl.transitions.filter((t) => !t.system && t.from.includes(row.status as S));
    const stages = moves.some((t) => t.guard) ? this.stages(await this.steps(loaders, row.id)) : {};
    return moves.filter((t) => this.denial(t, row, actor, stages) === null).map((t) => t.to);
  }

  /** The record's steps, oldest first, through the request's DataLoader. */
  steps(loaders: Loaders, id: number): Promise<St[]> {
    return childrenOf(loaders, this.decl.step.entity, this.decl.step.owner, { id: 'ASC' }).load(id);
  }

  /**
   * The step that marks each stage the record is in or has passed, replaying the steps: a move
   * marks its target (unless `stamp: false`) and clears the stages it undoes. Per-stage facts (the
   * day it was inspected, who submitted it) are read from here, never kept twice.
   */
  stages(steps: readonly St[]): Partial<Record<S, St>> {
    const out: Partial<Record<S, St>> = {};
    for (const s of steps) {
      const t = s.fromStatus === null ? undefined : this.transition(s.fromStatus, s.toStatus);
      for (const c of t?.clears ?? []) delete out[c];
      if (t?.stamp !== false) out[s.toStatus] = s;
    }
    return out;
  }

  /** `stages` of one record inside a transaction. */
  async stagesOf(em: EntityManager, id: number): Promise<Partial<Record<S, St>>> {
    return this.stages(await this.stepsOf(em, id));
  }

  /** The record's steps, oldest first, inside a transaction. */
  private stepsOf(em: EntityManager, id: number): Promise<St[]> {
    return em.find(this.decl.step.entity, { where: { [this.decl.step.owner]: id } as never, order: { id: 'ASC' } as never });
  }

  /**
   * SQL for sorting a list by the day a stage was (last) entered: the list's alias is `e`. Sorting
   * needs SQL; the exact (clearing-aware) day is `stages`.
   */
  stageSortExpression(stage: S, column: 'stepDate' | 'at' = 'stepDate'): string {
    const meta = this.ds.getMetadata(this.decl.step.entity);
    const q = (name: string) => this.ds.driver.escape(name);
    return `(SELECT MAX(s.${q(column)}) FROM ${q(meta.tableName)} s WHERE s.${q(this.decl.step.owner)} = e.id AND s.${q('toStatus')} = '${stage}')`;
  }

  /**
   * SQL (list alias `e`) true when the stage's current step was signed by the user in `:param`: the
   * latest step into the stage, with no later step that re-enters or clears it.
   */
  stageActorCondition(stage: S, param: string): string {
    const meta = this.ds.getMetadata(this.decl.step.entity);
    const q = (name: string) => this.ds.driver.escape(name);
    const owner = q(this.decl.step.owner);
    const undo = [stage, ...this.decl.transitions.filter((t) => t.clears?.includes(stage)).map((t) => t.to)].map((x) => `'${x}'`).join(', ');
    return (
      `EXISTS (SELECT 1 FROM ${q(meta.tableName)} s WHERE s.${owner} = e.id AND s.${q('toStatus')} = '${stage}' AND s.${q('actorId')} = :${param}` +
      ` AND NOT EXISTS (SELECT 1 FROM ${q(meta.tableName)} l WHERE l.${owner} = e.id AND l.id > s.id AND l.${q('toStatus')} IN (${undo})))`
    );
  }

  private denial(t: TransitionDecl<S, R>, row: R, actor: Actor, stages: Partial<Record<S, StepRow<S>>>): Denial | null {
    const roles = t.roles ?? this.decl.roles;
    const role = actor.user?.role;
    if (!role || !roles.includes(role)) {
      return { reason: 'ROLE', message: `Only ${roles.join(' or ')} may move a ${this.name} from ${row.status} to ${t.to}` };
    }
    return t.guard?.(row, actor, stages) ?? null;
  }

  /** The step's day: given (not in the future, not before the previous step) or today. */
  private stepDate(last: St | undefined, t: TransitionDecl<S, R>, given: string | null, field: string): string {
    const byHand = this.decl.dated === 'given' || !!t.mutation?.dateArg;
    if (!byHand) return todayInChina();
    if (!given && t.mutation?.dateDefault === 'today') given = todayInChina();
    if (!given) throw badInput(field, `${field} is required`, 'REQUIRED');
    if (last && given < last.stepDate) {
      throw badInput(field, `${field} ${given} is before the previous step (${last.stepDate})`, 'BEFORE_PREVIOUS', { previous: last.stepDate });
    }
    return given;
  }

  /** Writes a step and returns it as stored (its id and time as the database made them). */
  private async insertStep(em: EntityManager, actor: Actor, id: number, from: S | null, to: S, date: string, reason: string | null): Promise<St> {
    const step = em.create(this.decl.step.entity, {
      [this.decl.step.owner]: id,
      fromStatus: from,
      toStatus: to,
      stepDate: date,
      reason,
      ...signedBy(actor),
      ...this.decl.stepValues?.(actor),
    } as never);
    // insert() merges the generated id and time into `step` (RETURNING, or a read where the database has none)
    await em.insert(this.decl.step.entity, step as never);
    return step;
  }

  private async lock(em: EntityManager, id: number): Promise<R> {
    const row = await em.findOne(this.decl.entity, { where: { id }, ...writeLock(em) } as FindOneOptions<R>);
    if (!row) throw notFound(this.name, id);
    // seen is not enough to move it: a city reads a street's award case (common/scope.ts); the step and
    // audit event written under it in this request need not ask again
    await assertWritableRow(em, this.decl.entity as Function, row, this.name);
    return row;
  }
}

/**
 * Builds the engine for a record's service: the service moves and opens records through it
 * (`service.workflow`), and its lists sort by the workflow's stage fields.
 */
export function attachWorkflow<S extends string, R extends StatefulRow & { id: number }, St extends StepRow<S>>(
  service: RecordWriter<R> & { workflow: Workflow<NoInfer<S>, R, St>; sortByStages(wf: Workflow<NoInfer<S>, R, St>): void },
  decl: WorkflowDecl<S, R, St>,
  deps: { ds: DataSource; tx: TransactionRunner; audit: AuditService },
): Workflow<S, R, St> {
  const wf = new Workflow(decl, deps.ds, deps.tx, deps.audit, service);
  service.workflow = wf;
  service.sortByStages(wf);
  return wf;
}
