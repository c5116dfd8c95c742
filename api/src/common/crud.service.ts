import type { DataSource, EntityManager, EntityMetadata, FindOneOptions, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { AuditService } from '../modules/audit/audit.service';
import type { BaseRecord } from './base.entity';
import { type Actor, signedBy } from './context';
import { badInput, conflict, dbViolation, notFound, toId } from './errors';
import { applySearch, countList, type DefaultOrder, type ListQuery, runList } from './query';
import { assertWritable, currentViewer, ownership, unscoped } from './scope';
import { type TransactionRunner, writeLock } from './transactions';
import { conditionalUpdate, type StatefulRow } from './workflow/workflow';
import { leanMany } from './lean';

/** Filter keys every list understands: `ids` (react-admin getMany) and `q` (text search). */
export interface BaseFilter {
  ids?: string[] | null;
  q?: string | null;
}

export interface CrudOptions<T extends ObjectLiteral> {
  entity: new () => T;
  /** The GraphQL type name, used in messages and audit events. */
  typeName: string;
  searchColumns?: string[];
  defaultSort?: DefaultOrder<T>;
  /** Columns left out of audit snapshots (secrets). */
  auditOmit?: string[];
  /** Input keys that are not columns but child rows (rule lines, criteria), written by `saveChildren`. */
  childKeys?: string[];
  /** Required columns the service derives in `validate` (never asked of the caller on create). */
  derivedColumns?: string[];
}

/** Is `next` ≥ `from` for YYYY-MM-DD strings? */
export const notBefore = (next: string | null | undefined, from: string | null | undefined) => !next || !from || next >= from;

/**
 * The shared read / create / update / delete flow for reference data. Each write runs in one
 * transaction: normalise input, check references and unique keys, run the domain rules
 * (`validate`), save, and write one audit event. Subclasses add rules, filters and sub-flows.
 */
export class CrudService<T extends BaseRecord, F extends BaseFilter = BaseFilter> {
  protected readonly meta: EntityMetadata;

  constructor(
    protected readonly ds: DataSource,
    protected readonly tx: TransactionRunner,
    protected readonly audit: AuditService,
    protected readonly opts: CrudOptions<T>,
  ) {
    this.meta = ds.getMetadata(opts.entity);
  }

  get typeName(): string {
    return this.opts.typeName;
  }

  get(id: number): Promise<T | null> {
    return this.ds.getRepository(this.opts.entity).findOneBy({ id } as never);
  }

  async getOrFail(id: number, em: EntityManager = this.ds.manager): Promise<T> {
    const row = await em.findOne(this.opts.entity, { where: { id } } as FindOneOptions<T>);
    if (!row) throw notFound(this.typeName, id);
    return row;
  }

  /** Sort keys that are not columns: SQL over the list alias `e` (a workflow's stage days, see `sortByStages`). */
  protected readonly derivedSorts: Record<string, string> = {};

  list(q: ListQuery<F>): Promise<T[]> {
    return leanMany(runList(this.ds, this.opts.entity, q, (qb, f) => this.applyFilter(qb, f), this.opts.defaultSort, this.derivedSorts));
  }

  /** Lets lists sort by the workflow's stage fields (appliedOn, submittedAt…), which are read from its steps. */
  sortByStages(wf: { decl: { stageFields?: Record<string, { stage: string; value: string }> }; stageSortExpression(stage: string, column: 'stepDate' | 'at'): string }): void {
    for (const [name, f] of Object.entries(wf.decl.stageFields ?? {})) {
      if (f.value !== 'actorId') this.derivedSorts[name] = wf.stageSortExpression(f.stage, f.value === 'at' ? 'at' : 'stepDate');
    }
  }

  count(filter: F | null | undefined): Promise<number> {
    return countList(this.ds, this.opts.entity, filter, (qb, f) => this.applyFilter(qb, f));
  }

  /** ids, q, then every other key that names a column: equality (or IN for a list). */
  protected applyFilter(qb: SelectQueryBuilder<T>, filter: F): void {
    const { ids, q, ...rest } = filter as BaseFilter & Record<string, unknown>;
    if (ids?.length) qb.andWhere('e.id IN (:...ids)', { ids: ids.map((v) => toId(v, 'filter.ids')) });
    applySearch(qb, this.opts.searchColumns ?? ['name'], q);
    for (const [key, value] of Object.entries(rest)) {
      if (value === undefined || value === null) continue;
      const column = this.meta.findColumnWithPropertyName(key);
      if (!column) continue; // handled by a subclass
      const param = `f_${key}`;
      const conv = (v: unknown) => (key.endsWith('Id') ? toId(v, `filter.${key}`) : v);
      if (Array.isArray(value)) {
        if (value.length) qb.andWhere(`e.${key} IN (:...${param})`, { [param]: value.map(conv) });
      } else {
        qb.andWhere(`e.${key} = :${param}`, { [param]: conv(value) });
      }
    }
  }

  async create(input: ObjectLiteral, actor: Actor): Promise<T> {
    const [columns, children] = this.splitChildren(input);
    const data = this.normalize(this.withOwner(columns), true);
    return this.tx.run(async (em) => {
      const entity = em.create(this.opts.entity, data as never) as T;
      await this.checkReferences(em, data);
      await this.checkScope(em, entity);
      await this.validate(em, entity, null, actor);
      await this.checkUnique(em, entity, data);
      const saved = await this.save(em, entity);
      await this.saveChildren(em, saved, children, true);
      await this.afterInsert(em, saved, input, actor);
      await this.audit.record(em, actor, { action: this.auditAction(saved, true), entityType: this.typeName, entityId: saved.id, after: await this.auditSnapshot(em, saved) });
      return saved;
    });
  }

  async update(id: number, input: ObjectLiteral, actor: Actor): Promise<T> {
    const [columns, children] = this.splitChildren(input);
    const data = this.normalize(columns, false);
    return this.tx.run(async (em) => {
      const current = await this.lockRow(em, id);
      const before = await this.auditSnapshot(em, current);
      const next = Object.assign(em.create(this.opts.entity, { ...current } as never) as T, data);
      await this.checkReferences(em, data);
      await this.checkScope(em, next);
      await this.validate(em, next, current, actor);
      await this.checkUnique(em, next, data);
      const saved = await this.save(em, next);
      await this.saveChildren(em, saved, children, false);
      await this.audit.record(em, actor, { action: this.auditAction(saved, false), entityType: this.typeName, entityId: id, before, after: await this.auditSnapshot(em, saved) });
      return saved;
    });
  }

  /**
   * A record an office issues belongs, unless the input names another owner, to the office of the
   * user who creates it (common/scope.ts); whether they may place it there is `checkScope`'s question.
   */
  protected withOwner(columns: ObjectLiteral): ObjectLiteral {
    const decl = ownership(this.opts.entity);
    const viewer = currentViewer();
    if (!decl?.defaultsToViewer || !decl.column || columns[decl.column] !== undefined || viewer?.jurisdictionId == null) return columns;
    return { ...columns, [decl.column]: viewer.jurisdictionId };
  }

  /** Refuses (FORBIDDEN, OUT_OF_SCOPE) a record the user may not write where it is, or where an update would put it. */
  protected async checkScope(em: EntityManager, row: T): Promise<number | null | undefined> {
    return assertWritable(em, this.opts.entity, row, this.typeName);
  }

  private splitChildren(input: ObjectLiteral): [ObjectLiteral, ObjectLiteral] {
    const columns: ObjectLiteral = { ...input };
    const children: ObjectLiteral = {};
    for (const key of this.opts.childKeys ?? []) {
      if (key in columns) children[key] = columns[key];
      delete columns[key];
    }
    return [columns, children];
  }

  /** Writes child rows given with the input (only keys listed in `childKeys`); absent keys leave children alone. */
  protected async saveChildren(_em: EntityManager, _saved: T, _children: ObjectLiteral, _creating: boolean): Promise<void> {}

  /**
   * Runs in a create's transaction after the row (and its children) are saved, before the audit
   * event: e.g. a record with a workflow opens it here (its first, dated and signed step).
   */
  protected async afterInsert(_em: EntityManager, _saved: T, _input: ObjectLiteral, _actor: Actor): Promise<void> {}

  /** The audit action of a create or update; a subclass names a special case (PROGRESS_BACKDATED). */
  protected auditAction(_row: T, creating: boolean): string {
    return creating ? 'CREATE' : 'UPDATE';
  }

  /** What the audit trail records of a row: its columns, plus children where a subclass adds them. */
  protected async auditSnapshot(_em: EntityManager, row: T): Promise<ObjectLiteral> {
    return this.snapshot(row);
  }

  /** Checks other modules add to every delete of this type, in its transaction (a record with attachments is not deleted: attachment/index.ts). */
  private readonly deleteChecks: Array<(em: EntityManager, row: T) => Promise<void>> = [];

  onDelete(check: (em: EntityManager, row: T) => Promise<void>): void {
    this.deleteChecks.push(check);
  }

  async delete(id: number, actor: Actor): Promise<T> {
    return this.tx.run(async (em) => {
      const current = await this.lockRow(em, id);
      const before = this.snapshot(current);
      const jurisdictionId = await this.checkScope(em, current);
      await this.beforeDelete(em, current);
      for (const check of this.deleteChecks) await check(em, current);
      try {
        await em.delete(this.opts.entity, { id } as never);
      } catch (err) {
        if (dbViolation(err) === 'foreign_key') {
          throw conflict(`${this.typeName} ${id} is still referenced by other records; remove those first`, undefined, 'STILL_REFERENCED');
        }
        throw err;
      }
      await this.audit.record(em, actor, { action: 'DELETE', entityType: this.typeName, entityId: id, before, ...(jurisdictionId !== undefined ? { jurisdictionId } : {}) });
      return Object.assign(current, { id });
    });
  }

  /**
   * One change of a workflow row, the way every transition is written: the state is set only if the
   * row is still as read (else CONFLICT), a signed step row is added when given, and one audit event
   * records before and after. Runs inside the caller's transaction; returns the row as written.
   */
  async writeChange(
    em: EntityManager,
    actor: Actor,
    read: T & StatefulRow,
    set: Partial<T>,
    o: { action: string; step?: { entity: new () => ObjectLiteral; values: ObjectLiteral }; auditExtra?: ObjectLiteral },
  ): Promise<T> {
    await this.checkScope(em, read);
    await conditionalUpdate(em, this.opts.entity as new () => T & StatefulRow, this.typeName, read, set as never);
    if (o.step) await em.insert(o.step.entity, { ...o.step.values, ...signedBy(actor) });
    const after = (await em.findOneOrFail(this.opts.entity, { where: { id: read.id } } as FindOneOptions<T>)) as T;
    await this.audit.record(em, actor, { action: o.action, entityType: this.typeName, entityId: read.id, before: this.snapshot(read), after: { ...this.snapshot(after), ...o.auditExtra } });
    return after;
  }

  /** Domain rules for a create (before = null) or an update. Throw badInput naming the field. */
  protected async validate(_em: EntityManager, _next: T, _before: T | null, _actor: Actor): Promise<void> {}

  /** Refuse a delete that would leave something meaningless behind (CONFLICT). */
  protected async beforeDelete(_em: EntityManager, _row: T): Promise<void> {}

  /**
   * The row, locked for the rest of the transaction where the database supports it, to be changed:
   * NOT_FOUND where the user cannot see it, FORBIDDEN where they see it but may not change it.
   */
  protected async lockRow(em: EntityManager, id: number): Promise<T> {
    const row = await em.findOne(this.opts.entity, { where: { id }, ...writeLock(em) } as FindOneOptions<T>);
    if (!row) throw notFound(this.typeName, id);
    await this.checkScope(em, row);
    return row;
  }

  protected async save(em: EntityManager, entity: T): Promise<T> {
    try {
      return await em.save(this.opts.entity, entity);
    } catch (err) {
      const v = dbViolation(err);
      if (v === 'unique') throw conflict(`This ${this.typeName} already exists`, undefined, 'DUPLICATE');
      if (v === 'foreign_key') throw badInput('id', 'A referenced record does not exist', 'UNKNOWN_REFERENCE');
      throw err;
    }
  }

  /** Trims strings, converts *Id arguments, refuses null for required columns, drops undefined. */
  protected normalize(input: ObjectLiteral, creating: boolean): ObjectLiteral {
    const out: ObjectLiteral = {};
    for (const [key, raw] of Object.entries(input)) {
      if (raw === undefined) continue;
      const column = this.meta.findColumnWithPropertyName(key);
      let value: unknown = typeof raw === 'string' ? raw.trim() : raw;
      if (column && key.endsWith('Id') && value !== null) value = toId(value, key);
      if (value === null && column && !column.isNullable) throw badInput(key, `${key} cannot be empty`, 'REQUIRED');
      out[key] = value;
    }
    if (creating) {
      const derived = new Set(this.opts.derivedColumns ?? []);
      for (const column of this.meta.columns) {
        if (derived.has(column.propertyName)) continue;
        const required = !column.isNullable && !column.isGenerated && column.default === undefined && !column.isCreateDate && !column.isUpdateDate;
        if (required && out[column.propertyName] == null) {
          throw badInput(column.propertyName, `${column.propertyName} is required`, 'REQUIRED');
        }
      }
    }
    return out;
  }

  /** Every *Id that points at another table must point at an existing row. */
  protected async checkReferences(em: EntityManager, data: ObjectLiteral): Promise<void> {
    for (const relation of this.meta.manyToOneRelations) {
      const key = relation.joinColumns[0]?.propertyName;
      if (!key || data[key] == null) continue;
      const target = relation.inverseEntityMetadata;
      const exists = await em.exists(target.target as never, { where: { id: data[key] } } as never);
      if (!exists) throw badInput(key, `${key}: no ${target.name} with id ${String(data[key])}`, 'UNKNOWN_REFERENCE');
    }
  }

  /**
   * Unique keys are checked first so the error names the field (the UNIQUE index stays the guard).
   * Keys an office keeps in its own books name the owner column; the root's records (owner null, which
   * a UNIQUE index lets repeat) are held to the same key here. The check reads past the scope rule:
   * it finds exactly the rows the index would refuse, so it tells no more than the database would,
   * and names the field where the database cannot (a username another office took).
   */
  protected async checkUnique(em: EntityManager, entity: T, data: ObjectLiteral): Promise<void> {
    const owner = ownership(this.opts.entity)?.column;
    for (const index of this.meta.indices.filter((i) => i.isUnique)) {
      const cols = index.columns.map((c) => c.propertyName);
      if (!cols.some((c) => c in data)) continue;
      const values = cols.map((c) => (entity as ObjectLiteral)[c]);
      if (values.some((v, i) => (v === null || v === undefined) && cols[i] !== owner)) continue;
      const qb = em.createQueryBuilder(this.opts.entity, 'e');
      cols.forEach((c, i) => (values[i] == null ? qb.andWhere(`e.${c} IS NULL`) : qb.andWhere(`e.${c} = :u${i}`, { [`u${i}`]: values[i] })));
      if (entity.id) qb.andWhere('e.id <> :self', { self: entity.id });
      if (await unscoped(() => qb.getExists())) {
        const field = cols.find((c) => c !== owner && !c.endsWith('Id')) ?? cols[cols.length - 1];
        throw conflict(`A ${this.typeName} with this ${cols.join(' and ')} already exists`, field, 'DUPLICATE');
      }
    }
  }

  /** Column values as plain JSON (dates as ISO strings), for the audit trail. */
  snapshot(entity: T): ObjectLiteral {
    const omit = new Set(this.opts.auditOmit ?? []);
    const out: ObjectLiteral = {};
    for (const column of this.meta.columns) {
      if (omit.has(column.propertyName)) continue;
      const value = (entity as ObjectLiteral)[column.propertyName];
      out[column.propertyName] = value instanceof Date ? value.toISOString() : (value ?? null);
    }
    return out;
  }
}
