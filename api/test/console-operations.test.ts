import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildSchema, type GraphQLEnumType, type GraphQLField, introspectionFromSchema, isNonNullType, Kind, type DocumentNode, type OperationDefinitionNode, parse, print, validate } from 'graphql';
import { introspectSchema } from 'ra-data-graphql';
import type { Move, MoveTarget } from '../../admin/src/resources/common/workflow.move';
import { moveOperation, moveVariables } from '../../admin/src/resources/common/workflow.move';

/*
 * The console ↔ API contract. Static operations live in .graphql files beside the screens; the
 * codegen check (first step of `npm run typecheck`) validates them against schema/admin.graphql and
 * types them. What the console builds at run time (a workflow's move; react-admin's lists, records,
 * creates, updates and deletes from each module's selections, which exports page through too) is
 * built here with the console's own builders and validated against the same schema.
 */

// The module list (admin/src/modules.ts) is plain TypeScript, its screens lazy imports; of react-admin
// (ESM dependencies jest does not load) it needs only the Loading component, drawn when a screen loads.
jest.mock('react-admin', () => ({ Loading: () => null }));

/** A resource as a module declares it: its name and its screens. */
type Screens = { name: string; list?: unknown; show?: unknown; edit?: unknown; create?: unknown };
type BuildQuery = (fetchType: string, resource: string, params: object) => { query: DocumentNode; variables?: Record<string, unknown> };
// Required, not imported: modules.ts leads to the screens (TSX), which the API's tsconfig does not compile.
const { MODULES } = require('../../admin/src/modules') as { MODULES: Array<{ resources?: (viewer: object) => Array<Screens | null> }> };
const { SELECTIONS } = require('../../admin/src/dataProvider/selections') as { SELECTIONS: Record<string, unknown> };
const { buildQueryFactory } = require('../../admin/src/dataProvider/buildQuery') as { buildQueryFactory: (introspection: unknown) => BuildQuery };
const { MADE_BY, mutationFor, mutationNames, offers } = require('../../admin/src/dataProvider/capabilities') as typeof import('../../admin/src/dataProvider/capabilities');

const ROOT = path.resolve(__dirname, '../..');
const ADMIN_SRC = path.join(ROOT, 'admin', 'src');
const schema = buildSchema(readFileSync(path.join(ROOT, 'schema/admin.graphql'), 'utf8'));

/** Validation errors of an operation's text, as readable lines (none expected). */
function problems(text: string): string[] {
  let doc: DocumentNode;
  try {
    doc = parse(text);
  } catch (e) {
    return [`${(e as Error).message}\n  in ${text}`];
  }
  return validate(schema, doc).map((e) => `${e.message}\n  in ${text}`);
}

const declaredVariables = (text: string) => (parse(text).definitions[0] as OperationDefinitionNode).variableDefinitions?.map((v) => v.variable.name.value) ?? [];

/**
 * Runs TypeScript in a child process (a file, or `-e` code); never rejects, so the exit code can be
 * asserted. GraphQL Code Generator loads ESM-only dependencies, which run in Node but not under jest.
 */
async function runTs(script: string[], args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['-r', 'ts-node/register/transpile-only', ...script, ...args], { cwd: ROOT, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/** Files under admin/src, recursively. */
function sourceFiles(dir = ADMIN_SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('the console’s static operations (.graphql files, typed by GraphQL Code Generator)', () => {
  it('has admin/src/graphql/generated.ts up to date with schema/admin.graphql and the documents', async () => {
    const run = await runTs(['admin/scripts/codegen.ts'], ['--check']);
    expect(run).toMatchObject({ code: 0, stdout: expect.stringContaining('up to date') });
  });

  it('runs the codegen check first in npm run typecheck', () => {
    const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts.typecheck).toMatch(/^npm run -s admin:codegen -- --check && /);
    expect(scripts['admin:codegen']).toContain('admin/scripts/codegen.ts');
  });

  describe('refuses a console document that does not fit the schema, naming the file and the field', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'console-documents-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /**
     * `npm run admin:codegen -- --check` (admin/scripts/codegen.ts: the console's target, main()) over
     * a copy of one of the console's documents changed by `change`, the copy being the only document.
     */
    const checkChanged = async (file: string, change: (text: string) => string) => {
      const text = readFileSync(path.join(ADMIN_SRC, file), 'utf8');
      const changed = change(text);
      expect(changed).not.toBe(text);
      const copy = mkdtempSync(path.join(dir, 'documents-'));
      writeFileSync(path.join(copy, path.basename(file)), changed);
      const target = JSON.stringify({ documentDirs: [path.relative(ROOT, copy)], outputFile: path.relative(ROOT, path.join(copy, 'generated.ts')) });
      const code = `const c = require('./admin/scripts/codegen.ts'); require('./schema/typed-documents.ts').main({ ...c.CONSOLE_DOCUMENTS, ...${target} });`;
      return runTs(['-e', code], ['--', '--check']);
    };

    it('a misspelled field: exit 2, naming the field, the file and the line', async () => {
      const run = await checkChanged('resources/task/MyTasks.graphql', (t) => t.replace('isLead', 'isLeed'));
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/Cannot query field "isLeed" on type "Assignment"[\s\S]*MyTasks\.graphql:\d+:\d+/);
    });

    it('an unknown argument', async () => {
      const run = await checkChanged('resources/common/History.graphql', (t) => t.replace('perPage: 200', 'pageSize: 200'));
      expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('Unknown argument "pageSize" on field "Query.allAuditEvents"') });
    });

    it('a variable of the wrong type', async () => {
      const run = await checkChanged('resources/incentive/CaseButtons.graphql', (t) => t.replace('$caseId: ID!', '$caseId: Int!'));
      expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining('Variable "$caseId" of type "Int!" used in position expecting type "ID!"') });
    });

    it('while a document that fits is only stale when generated.ts lags (exit 1)', async () => {
      const run = await checkChanged('resources/task/MyTasks.graphql', (t) => `${t}\n`);
      expect(run).toMatchObject({ code: 1, stderr: expect.stringContaining('missing') });
    });
  });

  it('leaves no GraphQL text in the screens but the run-time builders', () => {
    // where a document may still be text: the data provider, its query builder, a workflow's move
    const builders = new Set(['dataProvider/index.ts', 'dataProvider/buildQuery.ts', 'resources/common/workflow.move.ts', 'graphql/generated.ts']);
    const offenders = sourceFiles()
      .filter((f) => /\.tsx?$/.test(f) && !builders.has(path.relative(ADMIN_SRC, f).split(path.sep).join('/')))
      .filter((f) => /\b(query|mutation)\s*[A-Za-z]*\s*\(\s*\$|\bgql`|gqlRequest\s*</.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(ADMIN_SRC, f))).toEqual([]);
  });
});

describe('a workflow’s move (advance<Type>), for every view and every move the schema allows', () => {
  const mutationType = schema.getMutationType()!;
  const COMMON = ['id', 'to', 'date', 'reason', 'idempotencyKey'];

  // every *.workflow.ts of the console's modules, found on disk
  const views: MoveTarget[] = readdirSync(path.join(ADMIN_SRC, 'resources'))
    .flatMap((dir) => {
      const folder = path.join(ADMIN_SRC, 'resources', dir);
      return existsSync(folder)
        ? readdirSync(folder)
            .filter((f) => f.endsWith('.workflow.ts'))
            .map((f) => path.join(folder, f))
        : [];
    })
    .sort()
    .flatMap((file) => Object.values(require(file) as Record<string, unknown>))
    .filter((v): v is MoveTarget => typeof v === 'object' && v !== null && 'resource' in v && 'statusEnum' in v);

  it('finds the workflow views', () => {
    expect(views.map((v) => v.resource).sort()).toEqual(expect.arrayContaining(['AwardCase', 'Complaint', 'Payout', 'Rectification']));
  });

  it.each(views.map((v) => [v.resource, v] as const))('%s', (_name, view) => {
    const field: GraphQLField<unknown, unknown> | undefined = mutationType.getFields()[`advance${view.resource}`];
    expect(field).toBeDefined();
    const statuses = schema.getType(view.statusEnum) as GraphQLEnumType | undefined;
    expect(statuses?.getValues().length).toBeGreaterThan(0);
    const dateArg = field!.args.find((a) => a.name === 'date');
    // the API says datedByHand for every move of a workflow whose date is required (dated: 'given')
    const dated = dateArg && isNonNullType(dateArg.type) ? [true] : [true, false];
    const extra = field!.args.filter((a) => !COMMON.includes(a.name)).map((a) => a.name);
    const moves: Move[] = statuses!
      .getValues()
      .flatMap((s) => dated.flatMap((datedByHand) => [[], extra].map((requiredFields) => ({ to: s.name, reasonRequired: false, datedByHand, requiredFields }))));
    for (const move of moves) {
      const text = moveOperation(view, move);
      expect(problems(text)).toEqual([]);
      const values = { date: '2025-01-01', reason: ' ', ...Object.fromEntries(move.requiredFields.map((f) => [f, 'x'])) };
      expect(Object.keys(moveVariables('1', move, values, 'k')).sort()).toEqual(declaredVariables(text).sort());
    }
  });
});

describe('the data provider’s queries (buildQuery with every module’s selections)', () => {
  let build: BuildQuery;
  beforeAll(async () => {
    // as ra-data-graphql introspects the schema the console is built with (admin/vite.config.mts)
    build = buildQueryFactory(await introspectSchema(undefined as never, { schema: introspectionFromSchema(schema, { descriptions: false }).__schema, operationNames: {} } as never));
  });

  const resources = new Map<string, Screens>();
  for (const m of MODULES) for (const r of m.resources?.({ role: 'ADMIN', edit: true, unitId: null }) ?? []) if (r) resources.set(r.name, r);
  // a type with selections but no resource of its own is still read through references
  for (const type of Object.keys(SELECTIONS)) if (!resources.has(type)) resources.set(type, { name: type });

  it('covers every module’s resources and selections', () => {
    expect(resources.size).toBeGreaterThan(20);
    expect([...resources.keys()]).toEqual(expect.arrayContaining(Object.keys(SELECTIONS)));
  });

  /** A value for an argument, as the console would send it (only its presence shapes the document). */
  const sample = (name: string) => (name.endsWith('Id') || name === 'id' ? '1' : 'x');

  const cases = [...resources.values()].flatMap((r) => {
    const mutations = schema.getMutationType()!.getFields();
    const args = (name: string) => mutations[name]?.args ?? [];
    const out: Array<[string, string, string, Record<string, unknown>]> = [
      [r.name, 'GET_LIST', 'a page, sorted and filtered (lists, exports)', { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: { q: 'x' } }],
      [r.name, 'GET_MANY', 'records by id (references, exports)', { ids: ['1', '2'] }],
      [r.name, 'GET_MANY_REFERENCE', 'records of another (tabs)', { target: 'id', id: '1', pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: {} }],
    ];
    if (r.show || r.edit || !r.list) out.push([r.name, 'GET_ONE', 'one record', { id: '1' }]);
    // a record made by a mutation of its own (a partner key: issuePartnerKey) is made by its screen, not the data provider
    if (r.create && !MADE_BY[r.name]) {
      const all = Object.fromEntries(args(`create${r.name}`).map((a) => [a.name, sample(a.name)]));
      const required = Object.fromEntries(
        args(`create${r.name}`)
          .filter((a) => isNonNullType(a.type))
          .map((a) => [a.name, sample(a.name)]),
      );
      out.push([r.name, 'CREATE', 'every field', { data: all }], [r.name, 'CREATE', 'required fields only', { data: required }]);
    }
    if (r.edit) {
      const all = Object.fromEntries(args(`update${r.name}`).map((a) => [a.name, sample(a.name)]));
      out.push([r.name, 'UPDATE', 'every field changed', { id: '1', data: all, previousData: {} }], [r.name, 'UPDATE', 'nothing changed', { id: '1', data: {}, previousData: {} }]);
      if (mutations[`delete${r.name}`]) out.push([r.name, 'DELETE', 'by id', { id: '1' }]);
    }
    return out;
  });

  it.each(cases)('%s %s: %s', (resource, fetchType, _what, params) => {
    const { query, variables } = build(fetchType, resource, params);
    const text = print(query);
    expect(problems(text)).toEqual([]);
    const declared = (query.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode).variableDefinitions ?? [];
    expect(Object.keys(variables ?? {}).sort()).toEqual(declared.map((v) => v.variable.name.value).sort());
  });
});

describe('what the console offers follows the schema (dataProvider/capabilities.ts, authProvider.canAccess)', () => {
  const mutations = mutationNames(introspectionFromSchema(schema, { descriptions: false }).__schema);
  const ROLES = ['ADMIN', 'PARTY_OFFICE', 'UNIT_STAFF', 'AUDITOR'];
  const screens = ROLES.flatMap((role) =>
    MODULES.flatMap((m) => m.resources?.({ role, edit: role === 'ADMIN' || role === 'PARTY_OFFICE', unitId: role === 'UNIT_STAFF' ? '1' : null }) ?? [])
      .filter((r): r is Screens => !!r)
      .map((r) => ({ role, ...r })),
  );

  it('reads the mutations of the schema the console is built with', () => {
    expect(mutations.size).toBe(Object.keys(schema.getMutationType()!.getFields()).length);
    expect(mutations.has('deletePerson')).toBe(true);
  });

  it('has a create screen only where its mutation exists, and an edit screen only where update<Type> does', () => {
    const missing = screens.flatMap((r) => [
      ...(r.create && !offers(mutations, 'create', r.name) ? [`${r.role} ${r.name}: create screen without ${mutationFor('create', r.name)}`] : []),
      ...(r.edit && !offers(mutations, 'edit', r.name) ? [`${r.role} ${r.name}: edit screen without update${r.name}`] : []),
    ]);
    expect(missing).toEqual([]);
  });

  it('offers no 删除 on the edit pages of records the API does not delete (award sites, payouts, tickets…), and offers it where it does', () => {
    const edited = [...new Set(screens.filter((r) => r.edit).map((r) => r.name))];
    const withoutDelete = edited.filter((name) => !offers(mutations, 'delete', name));
    expect(withoutDelete).toEqual(expect.arrayContaining(['AwardCase', 'Payout', 'Complaint', 'PracticalMatter', 'ServiceEvaluation']));
    for (const name of withoutDelete) expect(schema.getMutationType()!.getFields()[`delete${name}`]).toBeUndefined();
    expect(edited.filter((name) => offers(mutations, 'delete', name))).toEqual(expect.arrayContaining(['Person', 'PolicyDocument', 'User', 'Compound']));
    // reads and exports send no mutation: always offered
    expect(['list', 'show', 'export'].every((action) => offers(new Set(), action, 'Payout'))).toBe(true);
  });
});
