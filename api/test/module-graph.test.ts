/**
 * The code's shape: no import cycles between files, none between the API's domain modules (a
 * module's index.ts, which registers it, aside), and every folder under api/src/modules registered
 * in the one module list. Read from the sources, so a new cycle fails here before it confuses
 * type inference or load order.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { MODULES } from '../src/modules';

const REPO = join(__dirname, '..', '..');
const IMPORT = /(?:import|export)[^'";]*?from\s+['"]([^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx'), base].find((p) => existsSync(p) && statSync(p).isFile());
}

/** Import edges between the units `unitOf` names (files by default), self-edges dropped. */
function graphOf(root: string, unitOf: (file: string) => string | undefined = (f) => f): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(root)) {
    const from = unitOf(file);
    if (!from) continue;
    for (const [, spec] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveImport(file, spec);
      const to = target && unitOf(target);
      if (to && to !== from) (graph.get(from) ?? graph.set(from, new Set()).get(from)!).add(to);
    }
  }
  return graph;
}

/** The strongly connected components with more than one member (Tarjan): each is a cycle. */
export function cyclesOf(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const rel = (cycles: string[][]) => cycles.map((c) => c.map((f) => relative(REPO, f)));
const MODULES_DIR = join(REPO, 'api', 'src', 'modules');

describe('module graph', () => {
  it('finds a cycle when there is one (the checker itself)', () => {
    const g = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cyclesOf(g)).toEqual([['a', 'b', 'c']]);
    expect(cyclesOf(new Map([['a', new Set(['b'])]]))).toEqual([]);
  });

  it('has no import cycle between files of the API or the console', () => {
    expect(rel(cyclesOf(graphOf(join(REPO, 'api', 'src'))))).toEqual([]);
    expect(rel(cyclesOf(graphOf(join(REPO, 'admin', 'src'))))).toEqual([]);
  });

  it('has no cycle between API modules (their registering index.ts aside)', () => {
    const moduleOf = (file: string) => {
      const r = relative(MODULES_DIR, file);
      if (r.startsWith('..') || !r.includes('/') || r.endsWith('/index.ts')) return undefined;
      return r.split('/')[0];
    };
    expect(cyclesOf(graphOf(MODULES_DIR, moduleOf))).toEqual([]);
  });

  it('registers every console module folder in the console module list', () => {
    const RESOURCES = join(REPO, 'admin', 'src', 'resources');
    const list = readFileSync(join(REPO, 'admin', 'src', 'modules.ts'), 'utf8');
    const folders = readdirSync(RESOURCES).filter((n) => n !== 'common' && statSync(join(RESOURCES, n)).isDirectory());
    for (const f of folders) {
      expect({ f, index: existsSync(join(RESOURCES, f, 'index.ts')), listed: list.includes(`'./resources/${f}'`) }).toEqual({ f, index: true, listed: true });
    }
  });

  it('registers every module folder in the one module list, once', () => {
    const folders = readdirSync(MODULES_DIR)
      .filter((n) => statSync(join(MODULES_DIR, n)).isDirectory())
      .sort();
    for (const f of folders) expect(existsSync(join(MODULES_DIR, f, 'index.ts'))).toBe(true);
    expect(MODULES.map((m) => m.name).sort()).toEqual(folders);
  });
});

/**
 * Writes by criteria (`em.update(Entity, where, …)`, `em.delete(…)`, an update or delete query
 * builder) hand TypeORM no row, so the scope rule's guard on writes (ScopeGuard, common/scope.ts)
 * cannot see them: each one here runs after its service locked and checked the row or its parent.
 * A new one fails until it is read and listed with the check that covers it.
 */
const WRITES_BY_CRITERIA: Record<string, { count: number; checkedBy: string }> = {
  'api/src/modules/auth/auth.service.ts': { count: 1, checkedBy: 'the signed-in user changes their own password' },
  'api/src/modules/rating/rating-import.service.ts': { count: 2, checkedBy: 'the import writes into its period (SheetImporter asserts the `into` record writable)' },
  'api/src/modules/rating/rating.service.ts': { count: 1, checkedBy: 'scores of a rating locked and checked by CrudService.update' },
  'api/src/modules/partner/partner-key.service.ts': { count: 1, checkedBy: 'revoke locks and checks the key (lockRow)' },
  'api/src/modules/idempotency/idempotency.ts': { count: 1, checkedBy: 'the actor’s own idempotency key (not an owned record)' },
  'api/src/common/crud.service.ts': { count: 1, checkedBy: 'delete locks and checks the row (lockRow)' },
  'api/src/common/workflow/workflow.ts': { count: 1, checkedBy: 'the conditional UPDATE of a workflow move, after Workflow.lock asserted the row writable' },
  'api/src/common/children.ts': { count: 2, checkedBy: 'children rewritten with their parent, which CrudService checked' },
  'api/src/scripts/demo-data.ts': {
    count: 4,
    checkedBy:
      'npm run seed:demo -- --remove, from the command line: deletes only the records listed under demo: keys (tickets with their steps and notifications, the notifications about demo assignments, then the generator’s rows children first); api/test/demo-data.test.ts checks every table is as before',
  },
  'api/src/modules/task/supervision.service.ts': { count: 1, checkedBy: 'acknowledge: the unit staff’s own unit or assertWritable checked first, and only while not yet acknowledged' },
  'api/src/modules/owners-committee/committee-member.service.ts': { count: 1, checkedBy: 'the member counts of the committee whose member was just written (a member is owned through its committee)' },
};
const CRITERIA_WRITE = /\.(update|delete|increment|decrement|softDelete|restore)\(\s*(?:[A-Z]\w*\s*,|\)|(?:entity|target|this\.opts\.entity)\b)|\.update\(\s*entity\s*\)/g;

describe('writes the scope guard cannot see', () => {
  it('are only the ones read and listed, each with the check that covers it', () => {
    const found: Record<string, number> = {};
    for (const file of sourceFiles(join(REPO, 'api', 'src'))) {
      if (file.includes('/migrations/')) continue;
      const code = readFileSync(file, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      const n = [...code.matchAll(CRITERIA_WRITE)].length;
      if (n) found[relative(REPO, file)] = n;
    }
    expect(found).toEqual(Object.fromEntries(Object.entries(WRITES_BY_CRITERIA).map(([f, { count }]) => [f, count])));
  });
});
