/**
 * Every action the API records in the audit trail reads as a sentence in the console's 修改记录
 * (admin/src/resources/common/history.ts): `app.history.actions.<ACTION>` in Chinese and English,
 * using only the parameters the console gives a sentence, and a label (`enums.AuditAction.<ACTION>`)
 * for the audit list. The actions are read from the sources: each `action:` given to the audit trail
 * (a literal, or one of the few ways an action is worked out, listed below), the `auditAction`
 * overrides, and every move of every workflow declared in a `*.workflow.ts` (`decl.action(to)`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { en, zh } from './console-messages';

const REPO = join(__dirname, '..', '..');
/** The parameters the console gives a sentence (history.ts PARAMS), read as text: the module loads the console's introspection. */
const PARAMS = (() => {
  const list = /export const PARAMS = \[([^\]]*)\] as const;/.exec(readFileSync(join(REPO, 'admin', 'src', 'resources', 'common', 'history.ts'), 'utf8'))?.[1];
  if (!list) throw new Error('PARAMS not found in admin/src/resources/common/history.ts');
  return [...list.matchAll(/'(\w+)'/g)].map(([, p]) => p);
})();
const SOURCES = [join(REPO, 'api', 'src'), join(REPO, 'seeds')];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The ways an action is given without a literal: the CRUD service's (its `auditAction`, read below),
 * a change written through `writeChange` (its callers give literals), a sheet import's spec, a
 * workflow's `action(to)` (its moves, enumerated below), and the audit service passing its entry on.
 */
const WORKED_OUT = new Set(['this.auditAction(saved, true)', 'this.auditAction(saved, false)', 'o.action', 'this.spec.action', 'this.decl.action(to)', 'entry.action']);
/** `action:` that is not an audit action: a type's declaration, a workflow's function (enumerated from the declarations), a filter. */
const NOT_AN_ACTION = /^(string( \| null)?|ActionSeed( \| undefined)?|\(to(: S)?\) => .*|f\.action)$/;

const CODE = /'([A-Z][A-Z0-9_]*)'/g;

/** The value of an `action:` property (or a declaration's type): up to the end of the line, a `;`, or a `,` or `}` outside brackets. */
function valueAt(src: string, start: number): string {
  let depth = 0;
  for (let i = start; i < src.length; i++) {
    const ch = src[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if ((ch === ')' || ch === ']' || ch === '}') && depth-- === 0) return src.slice(start, i).trim();
    else if ((ch === ',' && depth === 0) || ch === ';' || ch === '\n') return src.slice(start, i).trim();
  }
  return src.slice(start).trim();
}

/** Every action the sources give the audit trail, with where; and the `action:` values it cannot read. */
function recordedActions(): { actions: Map<string, Set<string>>; unread: string[] } {
  const actions = new Map<string, Set<string>>();
  const unread: string[] = [];
  const add = (a: string, file: string) => (actions.get(a) ?? actions.set(a, new Set()).get(a)!).add(relative(REPO, file));
  for (const file of SOURCES.flatMap(sourceFiles)) {
    const src = readFileSync(file, 'utf8');
    // a property or declaration named action (not the word in a description: "per intended action: …")
    for (const m of src.matchAll(/(?:^|[{,])\s*action\??:\s*/gm)) {
      const value = valueAt(src, m.index + m[0].length);
      const literals = [...value.matchAll(CODE)].map(([, a]) => a);
      if (literals.length) literals.forEach((a) => add(a, file));
      else if (!WORKED_OUT.has(value) && !NOT_AN_ACTION.test(value)) unread.push(`${relative(REPO, file)}: action: ${value}`);
    }
    // CrudService.auditAction and its overrides (a backdated report)
    for (const m of src.matchAll(/\bauditAction\([^)]*\): string \{([\s\S]*?)\n {2}\}/g)) for (const [, a] of m[1].matchAll(CODE)) add(a, file);
    // a workflow: every move's action, from the declaration itself
    if (file.endsWith('.workflow.ts')) {
      for (const decl of Object.values(require(file) as Record<string, unknown>)) {
        const d = decl as { name?: string; transitions?: Array<{ to: string }>; action?: (to: string) => string };
        if (typeof d?.action === 'function' && Array.isArray(d.transitions)) for (const t of d.transitions) add(d.action(t.to), file);
      }
    }
  }
  return { actions, unread };
}

const at = (tree: object, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), tree);
const placeholders = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map(([, p]) => p);

describe('audit actions in plain language', () => {
  const { actions, unread } = recordedActions();

  it('finds what it looks for (the scan itself)', () => {
    expect(actions.get('SUCCESSION')).toEqual(new Set(['api/src/modules/working-group/succession.service.ts']));
    expect(actions.get('PASSWORD_RESET')).toEqual(new Set(['api/src/modules/auth/auth.service.ts']));
    expect(actions.get('CORRECT')).toEqual(new Set(['api/src/modules/publication/publication.service.ts']));
    expect(actions.get('PROGRESS_BACKDATED')).toEqual(new Set(['api/src/modules/task/task.service.ts']));
    expect(actions.get('SEED')).toEqual(new Set(['seeds/load.ts']));
    expect([...actions.get('CREATE')!]).toContain('api/src/common/crud.service.ts');
    expect(actions.get('COMPLAINT_ASSIGNED')).toEqual(new Set(['api/src/modules/complaint/complaint.workflow.ts']));
    expect(actions.get('APPROVE')).toEqual(new Set(['api/src/modules/incentive/payout.workflow.ts']));
    expect(actions.get('EVALUATION_RETAINED')).toEqual(new Set(['api/src/modules/service-evaluation/evaluation.workflow.ts']));
    expect(actions.size).toBeGreaterThan(40);
  });

  it('reads every action the sources give the audit trail (an action worked out some new way must be added here)', () => {
    expect(unread).toEqual([]);
  });

  it('has a sentence and a label for every action, in Chinese and English, using only the sentence’s parameters', () => {
    const problems: string[] = [];
    for (const [lang, catalog] of [
      ['zh', zh],
      ['en', en],
    ] as const) {
      for (const [action, files] of actions) {
        const where = [...files].join(', ');
        const sentence = at(catalog, `app.history.actions.${action}`);
        if (typeof sentence !== 'string') problems.push(`${lang}: no app.history.actions.${action} (recorded in ${where})`);
        else for (const p of placeholders(sentence)) if (!PARAMS.includes(p)) problems.push(`${lang}: app.history.actions.${action} uses %{${p}}`);
        if (typeof at(catalog, `enums.AuditAction.${action}`) !== 'string') problems.push(`${lang}: no enums.AuditAction.${action} (recorded in ${where})`);
      }
      // the sentences of a move back from a state (退回重办) are of recorded actions too, with the same parameters
      const from = (at(catalog, 'app.history.from') ?? {}) as Record<string, Record<string, string>>;
      for (const [state, byAction] of Object.entries(from)) {
        for (const [action, sentence] of Object.entries(byAction)) {
          if (!actions.has(action)) problems.push(`${lang}: app.history.from.${state}.${action}: no such action is recorded`);
          for (const p of placeholders(sentence)) if (!PARAMS.includes(p)) problems.push(`${lang}: app.history.from.${state}.${action} uses %{${p}}`);
        }
      }
      for (const action of Object.keys((at(catalog, 'app.history.actions') ?? {}) as object))
        if (!actions.has(action)) problems.push(`${lang}: app.history.actions.${action}: no such action is recorded`);
    }
    expect(problems).toEqual([]);
  });
});
