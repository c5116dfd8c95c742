import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type DataSource,
  type EntityManager,
  type EntityMetadata,
  type EntitySubscriberInterface,
  EventSubscriber,
  type InsertEvent,
  type ObjectLiteral,
  type RemoveEvent,
  SelectQueryBuilder,
  type UpdateEvent,
} from 'typeorm';
import { badInput, forbidden } from './errors';
import { currentScope, outsideRequest, type Viewer } from './request-scope';
import { Role } from './roles';

/*
 * The one scope rule (issue 14): every record an office owns names its owning jurisdiction, directly
 * (a column) or through its parent (a task through its plan, a payout through its programme), and
 * every signed-in user works inside a jurisdiction. The rule is declared on the entity (`@Owned`) and
 * enforced here, not in resolvers:
 *
 * - Reads: every SELECT whose main table is an owned entity gets a WHERE condition naming the
 *   jurisdictions the viewer may read (TypeORM's SelectQueryBuilder is patched once at start-up, so
 *   finds, query builders, counts, EXISTS, DataLoaders, dashboards, exports and the reference checks
 *   of writes are all covered). A record out of reach is simply not there: NOT_FOUND, never FORBIDDEN.
 * - Writes: CrudService (create, update, delete, workflow moves) and the services that write in
 *   their own way call `assertWritable`, which works out the record's owner in one statement and
 *   refuses with FORBIDDEN (reason OUT_OF_SCOPE) what the viewer may see but not change.
 *
 * Who reads and writes what (the README has the table):
 * - A root user (jurisdictionId null: the first admin, the platform's operators) reads and writes
 *   everywhere; their role still decides what kind of thing.
 * - Everyone else reads records owned in their subtree (their jurisdiction and everything below).
 *   Records published downwards (documents, plans and their tasks, indicators, units, rating schemes
 *   and published editions, incentive programmes and their rules) are also read by the levels below
 *   the owner: that is how a street sees the city's plan and targets.
 * - 'issued' records (documents, plans, rosters, programmes, budgets, cases, payouts, schemes…) are
 *   written by their own office: PARTY_OFFICE where the owner is exactly their jurisdiction, ADMIN
 *   anywhere in their subtree (an office's system admin can correct what the offices below keep).
 * - 'fact' records (compounds and what is known about them: committees, party organisations,
 *   measurements, complaints) are kept where they happen: ADMIN and PARTY_OFFICE anywhere in their
 *   subtree, UNIT_STAFF of a community (社区·村) in that community only.
 * - 'reader' records (progress reports, complaints) are written by unit staff who may read them,
 *   within the service's own rule (a unit reports on its own assignments, handles the complaint
 *   handed to it), and by others as facts: within their own subtree.
 */

/** How far up a record can be read: by its owner's subtree only, also by the levels below the owner, or by everyone. */
export type Reach = 'subtree' | 'downward' | 'public';
/** Who writes a record (see the comment above); 'system': only the system writes it (audit events, access logs), never checked. */
export type WriteRule = 'issued' | 'fact' | 'reader' | 'system';

export interface OwnedBy {
  /** The column naming the owning jurisdiction (property name)… */
  column?: string;
  /** …or the foreign key (property name) of the parent record whose owner this record shares. */
  via?: [fk: string, parent: () => Function];
  reads: Reach;
  writes: WriteRule;
  /** On create, an absent owner column is the creating user's own jurisdiction. */
  defaultsToViewer?: boolean;
}

const DECLARATIONS = new Map<Function, OwnedBy>();

/** Declares how a record is owned (see the comment at the top of this file). */
export function Owned(decl: OwnedBy): ClassDecorator {
  if (!decl.column === !decl.via) throw new Error('@Owned needs exactly one of column and via');
  return (target) => {
    DECLARATIONS.set(target, decl);
  };
}

export const ownership = (target: Function): OwnedBy | undefined => DECLARATIONS.get(target);
export const ownedEntities = (): Function[] => [...DECLARATIONS.keys(), ...OWNED_BY_ANY.keys()];

/**
 * A record that belongs to a record of one of several types (an attachment of a disclosure, a
 * progress report, a complaint): a column names the parent's type (a key of `parents`) and another
 * its id. There is no second rule: the record is read exactly when its parent is (the parent's
 * reach), and written exactly when its parent may be (the parent's write rule, on the parent's
 * owner). A type missing from `parents` is read by nobody and written by nobody (but the root).
 */
export interface OwnedByAny {
  typeColumn: string;
  idColumn: string;
  /** The parent types by the name the type column holds (read when used: a registry other modules add to). */
  parents: () => ReadonlyMap<string, Function>;
}

const OWNED_BY_ANY = new Map<Function, OwnedByAny>();

/** Declares a record owned through a parent of one of several types (see OwnedByAny). */
export function OwnedByParent(decl: OwnedByAny): ClassDecorator {
  return (target) => {
    OWNED_BY_ANY.set(target, decl);
  };
}

/** The parent a row of an OwnedByAny record names: its type (an owned entity) and id, or null for a type not among the parents. */
function parentOfRow(decl: OwnedByAny, row: ObjectLiteral): { target: Function; id: number } | null {
  const target = decl.parents().get(String(row[decl.typeColumn]));
  const id = Number(row[decl.idColumn]);
  return target && DECLARATIONS.get(target) && Number.isSafeInteger(id) ? { target, id } : null;
}

export type { Viewer };

/** A request whose caller is not known (yet): reads no owned record and writes nothing. */
export const NOBODY: Viewer = { jurisdictionId: -1, role: 'NOBODY' };

/** The jurisdiction tree, held in memory: a few thousand rows for a whole province. */
export interface JurisdictionTree {
  subtree(id: number): readonly number[];
  ancestors(id: number): readonly number[];
  contains(ancestor: number, id: number): boolean;
  level(id: number): string | undefined;
}

interface Node {
  id: number;
  parentId: number | null;
  level: string;
}

function buildTree(rows: Node[]): JurisdictionTree {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const children = new Map<number, number[]>();
  for (const r of rows) {
    if (r.parentId == null) continue;
    const list = children.get(r.parentId);
    if (list) list.push(r.id);
    else children.set(r.parentId, [r.id]);
  }
  const subtrees = new Map<number, number[]>();
  const subtree = (id: number): number[] => {
    let out = subtrees.get(id);
    if (!out) {
      out = [];
      if (byId.has(id)) {
        const stack = [id];
        while (stack.length) {
          const next = stack.pop()!;
          out.push(next);
          stack.push(...(children.get(next) ?? []));
        }
      }
      subtrees.set(id, out);
    }
    return out;
  };
  const ancestors = (id: number): number[] => {
    const out: number[] = [];
    const seen = new Set<number>([id]);
    let cur = byId.get(id)?.parentId ?? null;
    while (cur != null && !seen.has(cur)) {
      out.push(cur);
      seen.add(cur);
      cur = byId.get(cur)?.parentId ?? null;
    }
    return out;
  };
  return {
    subtree,
    ancestors,
    contains: (ancestor, id) => ancestor === id || ancestors(id).includes(ancestor),
    level: (id) => byId.get(id)?.level,
  };
}

/**
 * The tree cache: loaded once, reloaded after a jurisdiction is written in this process (see
 * `jurisdictionsChanged`) and at most TREE_TTL_MS after the last load (another process may have
 * written one). Loading runs outside the request, so it never counts against a request's budget.
 */
const TREE_TTL_MS = 30_000;
let tree: { value: JurisdictionTree; loadedAt: number; generation: number } | null = null;
let loading: { promise: Promise<JurisdictionTree>; generation: number } | null = null;
/** Bumped by every change: a load that started before a change does not count as fresh. */
let generation = 0;

export async function jurisdictionTree(ds: DataSource): Promise<JurisdictionTree> {
  if (tree && tree.generation === generation && Date.now() - tree.loadedAt < TREE_TTL_MS) return tree.value;
  if (!loading || loading.generation !== generation) {
    const started = generation;
    const promise = outsideRequest(async () => {
      try {
        const rows: Array<{ id: number | string; parentId: number | string | null; level: string }> = await ds.query('SELECT id, parentId, level FROM jurisdiction');
        const value = buildTree(rows.map((r) => ({ id: Number(r.id), parentId: r.parentId == null ? null : Number(r.parentId), level: r.level })));
        // a newer load may have finished first: keep the newest
        if (!tree || tree.generation <= started) tree = { value, loadedAt: Date.now(), generation: started };
        return value;
      } finally {
        if (loading?.generation === started) loading = null;
      }
    });
    loading = { promise, generation: started };
  }
  return loading.promise;
}

/**
 * A jurisdiction was created, moved or removed: the next request reloads the tree. The tree in
 * hand stays usable meanwhile (requests already running keep working on it).
 */
export function jurisdictionsChanged(): void {
  generation++;
}

/** The tree as last loaded (requests load it before their resolvers run: `prepareViewer`). */
function loadedTree(): JurisdictionTree {
  if (!tree) throw new Error('The jurisdiction tree is not loaded: call prepareViewer before the request reads');
  return tree.value;
}

const bypass = new AsyncLocalStorage<boolean>();

/** Runs `work` without the scope rule: for the system's own reads inside a request (rare; say why where used). */
export const unscoped = <T>(work: () => T): T => bypass.run(true, work);

/** The viewer the scope rule applies to now, or undefined (system work, start-up, seeding, tests outside a request). */
export function currentViewer(): Viewer | undefined {
  if (bypass.getStore()) return undefined;
  const scope = currentScope();
  // inside a request, an unknown caller is nobody (fail closed): signing in reads users unscoped on purpose
  return scope ? (scope.viewer ?? NOBODY) : undefined;
}

/** Sets the request's viewer, once its credentials are known, and makes sure the tree is loaded. */
export async function prepareViewer(ds: DataSource, viewer: Viewer): Promise<void> {
  const t = await jurisdictionTree(ds);
  // a jurisdiction this process has not seen yet (made by another process since the last load): load again
  if (viewer.jurisdictionId != null && t.level(viewer.jurisdictionId) === undefined) {
    jurisdictionsChanged();
    await jurisdictionTree(ds);
  }
  const scope = currentScope();
  if (scope) scope.viewer = viewer;
}

/**
 * The jurisdiction a request works in: the user's own, or, for a root user (the platform's), the one
 * office they chose to look at in the console (X-Office: a jurisdiction id), as a user of it would.
 */
export function officeOf(own: number | null, header: string | undefined): number | null {
  if (own != null || !header) return own;
  const id = Number(header);
  if (!Number.isSafeInteger(id) || id <= 0) throw badInput('X-Office', 'X-Office must be the id of a jurisdiction', 'NOT_AN_ID');
  return id;
}

/** The jurisdictions a viewer reads for a reach, or null for no restriction. */
function readableIds(viewer: Viewer, reach: Reach): readonly number[] | null {
  if (reach === 'public') return null;
  if (viewer.role === 'NOBODY') return [];
  if (viewer.jurisdictionId == null) return null;
  const t = loadedTree();
  const own = t.subtree(viewer.jurisdictionId);
  // a partner key reads what was published within its office's area, not what the levels above published
  return reach === 'downward' && viewer.role !== 'PARTNER' ? [...own, ...t.ancestors(viewer.jurisdictionId)] : own;
}

/** SQL: the record at `alias` is owned by one of `ids` (nested sub-selects up its parents). */
function ownedWithin(ds: DataSource, target: Function, alias: string, ids: readonly number[], depth = 0): string {
  const decl = DECLARATIONS.get(target)!;
  const meta = ds.getMetadata(target);
  const esc = (s: string) => ds.driver.escape(s);
  const col = (property: string) => `${esc(alias)}.${esc(meta.findColumnWithPropertyName(property)!.databaseName)}`;
  if (decl.column) return `${col(decl.column)} IN (${ids.length ? ids.join(', ') : 'NULL'})`;
  const [fk, parentOf] = decl.via!;
  const parent = parentOf();
  const p = `scope_${depth}`;
  return `${col(fk)} IN (SELECT ${esc(p)}.${esc('id')} FROM ${esc(ds.getMetadata(parent).tableName)} ${esc(p)} WHERE ${ownedWithin(ds, parent, p, ids, depth + 1)})`;
}

/** The condition a SELECT on `target` gets for the current viewer, or undefined for none. */
export function readCondition(ds: DataSource, target: Function, alias: string): string | undefined {
  const any = OWNED_BY_ANY.get(target);
  if (any) return readConditionOfAny(ds, target, any, alias);
  const decl = DECLARATIONS.get(target);
  if (!decl) return undefined;
  const viewer = currentViewer();
  if (!viewer) return undefined;
  const ids = readableIds(viewer, decl.reads);
  if (!ids) return undefined;
  return ownedWithin(ds, target, alias, ids);
}

/**
 * An OwnedByAny record is read when its parent is: for each parent type, its rows of that type whose
 * parent the viewer reads (the parent's own condition at the parent's reach), OR-ed; other types never.
 */
function readConditionOfAny(ds: DataSource, target: Function, decl: OwnedByAny, alias: string): string | undefined {
  const viewer = currentViewer();
  if (!viewer) return undefined;
  const meta = ds.getMetadata(target);
  const esc = (s: string) => ds.driver.escape(s);
  const col = (property: string) => `${esc(alias)}.${esc(meta.findColumnWithPropertyName(property)!.databaseName)}`;
  const parts: string[] = [];
  for (const [name, parent] of decl.parents()) {
    const parentDecl = DECLARATIONS.get(parent);
    // the names are the registry's own (identifiers), never a caller's: checked so they can stand in the SQL
    if (!parentDecl || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) continue;
    const ids = readableIds(viewer, parentDecl.reads);
    const ofType = `${col(decl.typeColumn)} = '${name}'`;
    if (!ids) {
      parts.push(ofType);
      continue;
    }
    const p = 'scope_any';
    parts.push(`(${ofType} AND ${col(decl.idColumn)} IN (SELECT ${esc(p)}.${esc('id')} FROM ${esc(ds.getMetadata(parent).tableName)} ${esc(p)} WHERE ${ownedWithin(ds, parent, p, ids)}))`);
  }
  return parts.length ? parts.join(' OR ') : '1 = 0';
}

const PATCHED = Symbol.for('wuye.scopeRule');

/**
 * Installs the read rule on TypeORM's SelectQueryBuilder (once per process): the condition is added
 * as TypeORM adds its own global conditions (soft deletes), AND-ed with the query's WHERE. Only the
 * main table is filtered: joins of owned tables are not (the code loads relations by DataLoaders,
 * which are SELECTs of their own), and raw SQL is not: a raw read of an owned table puts the same
 * condition in its WHERE itself (`readCondition`, or `readable` of common/raw-read.ts; the task panels
 * and the partner's reads do; api/test/partner-raw-read.test.ts compares them with the query builder's).
 */
export function installScopeRule(): void {
  const proto = SelectQueryBuilder.prototype as unknown as { [PATCHED]?: true; createWhereExpression: () => string };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const original = proto.createWhereExpression;
  proto.createWhereExpression = function (this: SelectQueryBuilder<ObjectLiteral>) {
    const map = this.expressionMap;
    const main = map.mainAlias;
    const condition = map.queryType === 'select' && main?.hasMetadata ? readCondition(this.connection, main.metadata.target as Function, main.name) : undefined;
    if (!condition) return original.call(this);
    const saved = map.extraAppendedAndWhereCondition;
    map.extraAppendedAndWhereCondition = saved ? `(${saved}) AND (${condition})` : `(${condition})`;
    try {
      return original.call(this);
    } finally {
      map.extraAppendedAndWhereCondition = saved;
    }
  };
}

/**
 * The owning jurisdiction of a record that is not saved yet or is about to change: its owner column,
 * or its parent's owner (one statement). `undefined` for a record that is not owned.
 */
export async function ownerOf(em: EntityManager, target: Function, row: ObjectLiteral): Promise<number | null | undefined> {
  const any = OWNED_BY_ANY.get(target);
  if (any) {
    const parent = parentOfRow(any, row);
    return parent ? ownerOfId(em, parent.target, parent.id) : null;
  }
  const decl = DECLARATIONS.get(target);
  if (!decl) return undefined;
  if (decl.column) return row[decl.column] == null ? null : Number(row[decl.column]);
  const [fk, parentOf] = decl.via!;
  return row[fk] == null ? null : ownerOfId(em, parentOf(), Number(row[fk]));
}

/** The owning jurisdiction of the saved record `id` of `target`, in one statement whatever its depth. */
export async function ownerOfId(em: EntityManager, target: Function, id: number): Promise<number | null | undefined> {
  const any = OWNED_BY_ANY.get(target);
  if (any) {
    // the parent first (one statement), then its owner
    const meta = em.connection.getMetadata(target);
    const esc = (s: string) => em.connection.driver.escape(s);
    const column = (p: string) => esc(meta.findColumnWithPropertyName(p)!.databaseName);
    const rows: ObjectLiteral[] = await em.query(
      `SELECT ${column(any.typeColumn)} AS ${esc(any.typeColumn)}, ${column(any.idColumn)} AS ${esc(any.idColumn)} FROM ${esc(meta.tableName)} WHERE ${esc('id')} = ?`,
      [id],
    );
    return rows[0] ? ownerOf(em, target, rows[0]) : null;
  }
  if (!DECLARATIONS.get(target)) return undefined;
  // one request asks for the same parent's owner many times (a sheet of 200 rows under one plan)
  const cache = currentScope()?.owners;
  const key = `${target.name}:${id}`;
  if (cache?.has(key)) return cache.get(key);
  const owner = await findOwner(em, target, id);
  cache?.set(key, owner);
  return owner;
}

async function findOwner(em: EntityManager, target: Function, id: number): Promise<number | null> {
  const ds = em.connection;
  const esc = (s: string) => ds.driver.escape(s);
  // SELECT s0.owner FROM top s0 WHERE s0.id = (SELECT s1.fk FROM mid s1 WHERE s1.id = (… = ?))
  const build = (t: Function, idSql: string, depth: number): string => {
    const decl = DECLARATIONS.get(t)!;
    const meta = ds.getMetadata(t);
    const a = esc(`own_${depth}`);
    const column = (p: string) => esc(meta.findColumnWithPropertyName(p)!.databaseName);
    if (decl.column) return `SELECT ${a}.${column(decl.column)} AS owner FROM ${esc(meta.tableName)} ${a} WHERE ${a}.${esc('id')} = ${idSql}`;
    const [fk, parentOf] = decl.via!;
    return build(parentOf(), `(SELECT ${a}.${column(fk)} FROM ${esc(meta.tableName)} ${a} WHERE ${a}.${esc('id')} = ${idSql})`, depth + 1);
  };
  const rows: Array<{ owner: number | string | null }> = await em.query(build(target, '?', 0), [id]);
  return rows[0]?.owner == null ? null : Number(rows[0].owner);
}

/** May the viewer write a record of this declaration owned by `owner`? */
export function mayWrite(viewer: Viewer, decl: OwnedBy, owner: number | null): boolean {
  if (viewer.role === 'PARTNER' || viewer.role === 'NOBODY') return false;
  if (viewer.jurisdictionId == null) return true;
  const t = loadedTree();
  const j = viewer.jurisdictionId;
  if (owner == null) return false;
  if (decl.writes === 'reader') {
    // unit staff write what they read (their service says which: their own unit's assignment, the complaint handed to them)
    if (viewer.role === Role.UNIT_STAFF) {
      const ids = readableIds(viewer, decl.reads);
      return ids == null || ids.includes(owner);
    }
    // everyone else: as a fact, within their own subtree (a community's office does not report for a sibling's units)
    return t.contains(j, owner);
  }
  if (decl.writes === 'fact' && viewer.role === Role.UNIT_STAFF) return owner === j && t.level(j) === 'COMMUNITY';
  if (decl.writes === 'fact' || viewer.role === Role.ADMIN) return t.contains(j, owner);
  return owner === j;
}

/**
 * Refuses (FORBIDDEN, OUT_OF_SCOPE) a write of `row` (as it is, or as it will be) by the current
 * viewer. Reading the row already went through the read rule, so what reaches here is visible.
 */
export async function assertWritable(em: EntityManager, target: Function, row: ObjectLiteral, typeName: string): Promise<number | null | undefined> {
  const any = OWNED_BY_ANY.get(target);
  if (any) return assertParentWritable(em, any, row, typeName);
  const decl = DECLARATIONS.get(target);
  const viewer = currentViewer();
  // the root and the system write anywhere: no statement spent on finding the owner
  if (!decl || decl.writes === 'system' || !viewer || (viewer.jurisdictionId == null && viewer.role !== 'NOBODY')) return undefined;
  const owner = await ownerOf(em, target, row);
  if (!mayWrite(viewer, decl, owner ?? null)) {
    throw forbidden(`This ${typeName} belongs to another office (or would): you may not change it there`, 'OUT_OF_SCOPE');
  }
  return owner;
}

/** An OwnedByAny record is written when its parent may be: the parent's write rule on the parent's owner. */
async function assertParentWritable(em: EntityManager, decl: OwnedByAny, row: ObjectLiteral, typeName: string): Promise<number | null | undefined> {
  const viewer = currentViewer();
  if (!viewer || (viewer.jurisdictionId == null && viewer.role !== 'NOBODY')) return undefined;
  const parent = parentOfRow(decl, row);
  const parentDecl = parent && DECLARATIONS.get(parent.target);
  const owner = parent ? await ownerOfId(em, parent.target, parent.id) : null;
  if (!parentDecl || parentDecl.writes === 'system' || !mayWrite(viewer, parentDecl, owner ?? null)) {
    throw forbidden(`This ${typeName} belongs to a record of another office (or would): you may not change it there`, 'OUT_OF_SCOPE');
  }
  return owner;
}

/**
 * `assertWritable` for a stored row just read in this request's transaction through the read rule (a
 * workflow's locked record): besides the check, its owner and its visibility are remembered under its id
 * for the rest of the request, so the rows written under it (its step, its audit event) do not ask the
 * database again what was just established. `forgetRow` undoes it when a write re-parents the row.
 */
export async function assertWritableRow(em: EntityManager, target: Function, row: ObjectLiteral & { id: number }, typeName: string): Promise<number | null | undefined> {
  const owner = await assertWritable(em, target, row, typeName);
  const memo = currentScope()?.owners;
  // read unscoped (or by the system), the row says nothing about what the viewer may see
  if (!memo || !currentViewer() || !DECLARATIONS.get(target)) return owner;
  if (owner !== undefined) memo.set(`${target.name}:${row.id}`, owner);
  memo.set(`visible:${em.connection.getMetadata(target).name}:${row.id}`, null);
  return owner;
}

/** The property naming a record's owner (its owner column or the foreign key to its parent), if it is owned. */
export function ownerKey(target: Function): string | undefined {
  const decl = DECLARATIONS.get(target);
  return decl?.column ?? decl?.via?.[0];
}

/** Drops what the request remembered of a row (`assertWritableRow`, `ownerOfId`): a write changed its owner. */
export function forgetRow(em: EntityManager, target: Function, id: number): void {
  const memo = currentScope()?.owners;
  memo?.delete(`${target.name}:${id}`);
  memo?.delete(`visible:${em.connection.getMetadata(target).name}:${id}`);
}

/** Whether the current viewer may read records owned by `jurisdictionId` at a reach (for code that filters by hand). */
export function mayRead(jurisdictionId: number | null, reach: Reach = 'subtree'): boolean {
  const viewer = currentViewer();
  if (!viewer) return true;
  const ids = readableIds(viewer, reach);
  return ids == null || (jurisdictionId != null && ids.includes(jurisdictionId));
}

/**
 * Every id a written row holds (its many-to-one keys, nested inputs included: a scheme's criteria
 * citing a clause) must name a record the writer can read; else the row would show, through it, a
 * record of another office (references are shown with the record: common/loaders.ts). Root users and
 * the system are not checked; ids seen once in a request are not asked again.
 */
async function assertVisibleReferences(em: EntityManager, meta: EntityMetadata, row: ObjectLiteral, before?: ObjectLiteral): Promise<void> {
  const viewer = currentViewer();
  if (!viewer || (viewer.jurisdictionId == null && viewer.role !== 'NOBODY')) return;
  if (DECLARATIONS.get(meta.target as Function)?.writes === 'system') return;
  const seen = currentScope()?.owners;
  for (const relation of meta.manyToOneRelations) {
    const key = relation.joinColumns[0]?.propertyName;
    const target = relation.inverseEntityMetadata.target as Function;
    if (!key || row[key] == null || !DECLARATIONS.get(target) || (before && before[key] === row[key])) continue;
    const id = Number(row[key]);
    const memo = `visible:${relation.inverseEntityMetadata.name}:${id}`;
    if (seen?.has(memo)) continue;
    if (!(await em.exists(target as never, { where: { id } } as never))) {
      throw badInput(key, `${key}: no ${relation.inverseEntityMetadata.name} with id ${id}`, 'UNKNOWN_REFERENCE');
    }
    seen?.set(memo, null);
  }
}

/**
 * The write rule on every insert, save and remove TypeORM performs with the row in hand, whichever
 * service does it (imports, successions, workflow steps, generated payouts): a service that forgot
 * to ask still cannot write into another office. Updates by criteria (`em.update(Entity, where, …)`)
 * carry no row: their services lock and check the row first (CrudService.lockRow), and each one is
 * listed, with what checks it, in api/test/module-graph.test.ts (a new one fails there until read).
 */
@EventSubscriber()
export class ScopeGuard implements EntitySubscriberInterface<ObjectLiteral> {
  async beforeInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    if (!event.entity) return;
    await assertWritable(event.manager, event.metadata.target as Function, event.entity, event.metadata.name);
    await assertVisibleReferences(event.manager, event.metadata, event.entity);
  }

  async beforeUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    if (!event.entity) return;
    if (event.databaseEntity) {
      await assertWritable(event.manager, event.metadata.target as Function, event.databaseEntity, event.metadata.name);
      await assertWritable(event.manager, event.metadata.target as Function, { ...event.databaseEntity, ...event.entity }, event.metadata.name);
    }
    await assertVisibleReferences(event.manager, event.metadata, event.entity as ObjectLiteral, event.databaseEntity);
  }

  async beforeRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const row = event.databaseEntity ?? event.entity;
    if (row) await assertWritable(event.manager, event.metadata.target as Function, row, event.metadata.name);
  }
}

// Every process that loads an owned entity has the rule: nothing can forget to install it.
installScopeRule();
