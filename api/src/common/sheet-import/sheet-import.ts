import type { DataSource, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { AuditService } from '../../modules/audit/audit.service';
import type { Actor } from '../context';
import { badInput, notFound, toId } from '../errors';
import type { TransactionRunner } from '../transactions';
import { readRow, RowError, type SheetLayout } from './layout';
import { type ImportCounts, type ImportRow, ImportRowStatus } from './sheet-import.types';
import { assertWritable } from '../scope';

/**
 * The types of one sheet import: its arguments, an input row, what `load` reads once per sheet,
 * a row of the answer, what committing a row writes, the answer's own figures, and the record the
 * rows go into.
 */
export interface ImportTypes {
  args: object;
  input: { line: number };
  context: object;
  row: ImportRow;
  change: unknown;
  figures?: object;
  into?: { id: number };
}
type Figures<T extends ImportTypes> = T extends { figures: infer X extends object } ? X : object;
type Into<T extends ImportTypes> = T extends { into: infer O } ? O : null;

/** A row the planner accepted: its row of the answer and what committing it writes. */
export interface Planned<T extends ImportTypes> {
  row: T['row'];
  change: T['change'];
}

/** What the planner says of a row it accepts. */
export interface RowPlan<P> {
  status: ImportRowStatus.ADD | ImportRowStatus.CHANGE | ImportRowStatus.UNCHANGED;
  change: P;
  /** A note on a row that imports (NEW_PERSON…): the answer's reasonCode and reason. */
  note?: { code: string; message: string };
}

/** The answer of a preview or a commit: the counts, every row, and the import's own figures. */
export type ImportAnswer<T extends ImportTypes> = ImportCounts & { rows: Array<T['row']> } & Figures<T>;

/**
 * 表格导入: one kind of sheet import, declared once. The layout says the columns (headers in both
 * languages, required, parsed); `load` reads what planning needs once per sheet; `plan` turns a
 * row whose cells read into a planned change, or rejects it with a RowError naming the input at
 * fault; `apply` writes the planned changes. SheetImporter derives the rest: the preview, the
 * row-count limit, the all-or-nothing commit and its one audit event.
 */
export interface SheetImport<T extends ImportTypes> {
  layout: SheetLayout;
  /** The audit event a commit writes: its action, and the type of the entity it names (default: `into`'s). */
  action: string;
  entityType?: string;
  /**
   * The record the rows go into (a working group, a rating period), by the argument that holds its
   * id: NOT_FOUND when there is none. The audit event names it unless `apply` names another.
   */
  into?: { entity: EntityTarget<ObjectLiteral>; arg: keyof T['args'] & string };
  /** Checks the arguments and reads what planning needs; a refusal here refuses the whole sheet. */
  load(em: EntityManager, args: T['args'], rows: Array<T['input']>, into: Into<T>): Promise<T['context']>;
  /** A row's own columns in the answer, as far as its cells read (as they stand when the row is rejected). */
  describe(values: Record<string, unknown>, input: T['input']): Omit<T['row'], keyof ImportRow>;
  /** Plans a row whose cells read, rows in sheet order (a planner sees duplicates); throws a RowError to reject it. */
  plan(row: { input: T['input']; values: Record<string, unknown>; index: number; answer: T['row'] }, ctx: T['context']): RowPlan<T['change']>;
  /** The import's own figures in the answer (a task list's key works…). */
  summarise?(planned: Array<Planned<T>>, ctx: T['context']): Figures<T>;
  /** Writes every planned row; returns the audit event's `after`, the entity it names (default: `into`) and what the answer adds. */
  apply(
    em: EntityManager,
    planned: Array<Planned<T>>,
    ctx: T['context'],
    answer: ImportAnswer<T>,
  ): Promise<{ entityId?: number | string; after: Record<string, unknown>; answer?: Partial<Figures<T>> }>;
}

/** Runs a declared sheet import: a preview writes nothing; a commit writes every row in one transaction, or nothing. */
export class SheetImporter<T extends ImportTypes> {
  constructor(
    private readonly spec: SheetImport<T>,
    private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * What importing the rows does, row by row (commit false), or does it (commit true): refused with
   * ROWS_REJECTED, and nothing written, while any row is rejected. The commit writes one audit event.
   */
  async run(args: T['args'], rows: Array<T['input']>, commit: boolean, actor: Actor): Promise<ImportAnswer<T>> {
    const { maxRows } = this.spec.layout;
    if (rows.length === 0) throw badInput('rows', 'The sheet has no rows', 'NO_ROWS');
    if (rows.length > maxRows) throw badInput('rows', `At most ${maxRows} rows at a time`, 'TOO_MANY', { max: maxRows });
    if (!commit) return this.plan(this.ds.manager, args, rows).then(({ answer }) => answer);
    return this.tx.run(async (em) => {
      const { answer, planned, ctx, into } = await this.plan(em, args, rows);
      // reading the record is not enough to write into it (a city reads a street's roster; common/scope.ts)
      if (into && this.spec.into) await assertWritable(em, this.spec.into.entity as Function, into as ObjectLiteral, em.connection.getMetadata(this.spec.into.entity).name);
      if (answer.rejected > 0) {
        throw badInput('rows', `${answer.rejected} row(s) are rejected; nothing was imported. Fix the sheet and import again`, 'ROWS_REJECTED', { rejected: answer.rejected });
      }
      const written = await this.spec.apply(em, planned, ctx, answer);
      // the entity apply names (a plan it created), or the record the rows went into
      const entityId = written.entityId ?? (into as unknown as { id: number }).id;
      const entityType = this.spec.entityType ?? em.connection.getMetadata(this.spec.into!.entity).name;
      await this.audit.record(em, actor, { action: this.spec.action, entityType, entityId, after: written.after });
      return { ...answer, ...written.answer, committed: true };
    });
  }

  /** The record the rows go into, or null when the import declares none. */
  private async into(em: EntityManager, args: T['args']): Promise<Into<T>> {
    if (!this.spec.into) return null as Into<T>;
    const { entity, arg } = this.spec.into;
    const id = toId((args as Record<string, unknown>)[arg], arg);
    const record = await em.findOneBy(entity, { id });
    if (!record) throw notFound(em.connection.getMetadata(entity).name, id);
    return record as Into<T>;
  }

  private async plan(em: EntityManager, args: T['args'], inputs: Array<T['input']>) {
    const { layout } = this.spec;
    const into = await this.into(em, args);
    const ctx = await this.spec.load(em, args, inputs, into);
    const rows: Array<T['row']> = [];
    const planned: Array<Planned<T>> = [];
    inputs.forEach((input, index) => {
      const cells = layout.positional ? Object.fromEntries((input as unknown as { cells: string[] }).cells.map((c, i) => [`cells.${i}`, c])) : (input as Record<string, unknown>);
      const { values, error } = readRow(layout, cells);
      const answer = { line: input.line, status: ImportRowStatus.REJECT, reasonCode: null, reason: null, field: null, ...this.spec.describe(values, input) } as T['row'];
      rows.push(answer);
      try {
        if (error) throw error;
        const plan = this.spec.plan({ input, values, index, answer }, ctx);
        Object.assign(answer, { status: plan.status, reasonCode: plan.note?.code ?? null, reason: plan.note?.message ?? null });
        planned.push({ row: answer, change: plan.change });
      } catch (err) {
        if (!(err instanceof RowError)) throw err;
        Object.assign(answer, { status: ImportRowStatus.REJECT, reasonCode: err.code, reason: err.message, field: err.field });
      }
    });
    const count = (s: ImportRowStatus) => rows.filter((r) => r.status === s).length;
    const counts: ImportCounts = {
      committed: false,
      added: count(ImportRowStatus.ADD),
      changed: count(ImportRowStatus.CHANGE),
      unchanged: count(ImportRowStatus.UNCHANGED),
      rejected: count(ImportRowStatus.REJECT),
    };
    const answer = { ...counts, rows, ...this.spec.summarise?.(planned, ctx) } as ImportAnswer<T>;
    return { answer, planned, ctx, into };
  }
}
