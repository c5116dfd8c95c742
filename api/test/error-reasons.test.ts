/**
 * Refusal reasons (extensions.reason) are declared once (api/src/common/reasons.ts, a module's
 * `reasons`), listed by the ErrorReason enum of the schemas, thrown only when declared, never
 * declared without being thrown, and translated by the console. Read from the sources: a reason
 * typed into a throw site, a declaration or the console's map is checked here before anyone sees it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type GraphQLEnumType } from 'graphql';
import { en, zh } from './console-messages';
import { collectReasons } from '../src/common/reasons';
import { MODULES } from '../src/modules';
import { buildAdminSchema, buildPartnerSchema } from '../src/schema';

const REPO = join(__dirname, '..', '..');
const API = join(REPO, 'api', 'src');
const DECLARED = collectReasons(MODULES);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The text of a call from its opening parenthesis to the matching one, strings and templates skipped over. */
function callText(src: string, open: number): string {
  let depth = 0;
  const stack: string[] = []; // open quotes and template expressions
  for (let i = open; i < src.length; i++) {
    const ch = src[i];
    const top = stack.at(-1);
    if (top === "'" || top === '"' || top === '`') {
      if (ch === '\\') i++;
      else if (ch === top) stack.pop();
      else if (top === '`' && ch === '$' && src[i + 1] === '{') {
        stack.push('${');
        i++;
      }
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') stack.push(ch);
    else if (ch === '{') stack.push('{');
    else if (ch === '}') stack.pop();
    else if (ch === '(' && !stack.length) depth++;
    else if (ch === ')' && !stack.length && --depth === 0) return src.slice(open, i + 1);
  }
  throw new Error(`unbalanced call at ${open}`);
}

const CODE = /^[A-Z][A-Z0-9_]*$/;
/** Functions whose upper-case string arguments are reasons: the error helpers and the other throwers. */
const THROWERS = /\b(badInput|conflict|forbidden|rateLimited|refuse|new InputRefusal)\(/g;

/** Every reason literal the API's code gives an error, by file. */
function thrownReasons(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const add = (reason: string, file: string) => (found.get(reason) ?? found.set(reason, new Set()).get(reason)!).add(relative(REPO, file));
  for (const file of sourceFiles(API)) {
    if (file === join(API, 'common', 'reasons.ts')) continue;
    const src = readFileSync(file, 'utf8');
    // `reason: 'X'` in extensions, denials (workflow guards), problems (dates, money, scores); workflow
    // transitions' `reason: 'Say why …'` is a message, not a code, and is not in capitals
    for (const [, r] of src.matchAll(/\breason:\s*'([^']*)'/g)) if (CODE.test(r)) add(r, file);
    // DateReason.NOT_A_DATE, LimitReason.TOO_LONG, ProgressReason.BACKDATED …
    for (const [, r] of src.matchAll(/\b[A-Z][A-Za-z]*Reason\.([A-Z][A-Z0-9_]*)\b/g)) add(r, file);
    for (const m of src.matchAll(THROWERS)) {
      const call = callText(src, m.index + m[0].length - 1);
      for (const [, r] of call.matchAll(/'([A-Z][A-Z0-9_]*)'/g)) add(r, file);
    }
  }
  // class-validator constraints give their reasons through one table
  const formatError = readFileSync(join(API, 'common', 'format-error.ts'), 'utf8');
  const table = /export const CONSTRAINT_REASONS[^\n]*= \{\n([\s\S]*?)\n\};/.exec(formatError)?.[1];
  if (!table) throw new Error('CONSTRAINT_REASONS not found in format-error.ts');
  for (const [, r] of table.matchAll(/'([A-Z][A-Z0-9_]*)'/g)) add(r, join(API, 'common', 'format-error.ts'));
  return found;
}

/** The console's map of reasons to message keys (admin/src/dataProvider/errors.ts), read as text. */
const CONSOLE = readFileSync(join(REPO, 'admin', 'src', 'dataProvider', 'errors.ts'), 'utf8');
function consoleReasons(): Map<string, string> {
  const block = /const REASON_MESSAGES[^=]*= \{([\s\S]*?)\n\};/.exec(CONSOLE)?.[1];
  if (!block) throw new Error('REASON_MESSAGES not found in admin/src/dataProvider/errors.ts');
  return new Map([...block.matchAll(/^\s*([A-Z][A-Z0-9_]*): '([^']+)',/gm)].map(([, r, key]) => [r, key]));
}

const flat = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? flat(v, `${p}${k}.`) : [`${p}${k}`]));

describe('error reasons', () => {
  const thrown = thrownReasons();

  it('finds what it looks for (the scan itself)', () => {
    expect(thrown.get('OVER_BUDGET')).toEqual(new Set(['api/src/modules/incentive/payout.workflow.ts']));
    expect(thrown.get('BACKDATED')).toEqual(new Set(['api/src/modules/task/progress.rules.ts']));
    expect(thrown.get('SAME_PASSWORD')).toEqual(new Set(['api/src/modules/auth/auth.service.ts']));
    expect(thrown.get('OVER_100')).toContain('api/src/common/format-error.ts');
  });

  it('throws only declared reasons', () => {
    const undeclared = [...thrown].filter(([r]) => !DECLARED.has(r)).map(([r, files]) => `${r} (${[...files].join(', ')})`);
    expect(undeclared).toEqual([]);
  });

  it('declares no reason that nothing throws', () => {
    expect([...DECLARED.keys()].filter((r) => !thrown.has(r))).toEqual([]);
  });

  it('declares a reason where it is thrown: the core’s in api/src/common, a module’s in that module or, shared, the core', () => {
    const misplaced = [...DECLARED]
      .filter(([, d]) => d.owner !== 'common')
      .filter(([r, d]) => [...(thrown.get(r) ?? [])].some((f) => !f.startsWith(`api/src/modules/${d.owner}/`)))
      .map(([r, d]) => `${r} (declared by ${d.owner}, thrown in ${[...thrown.get(r)!].join(', ')})`);
    expect(misplaced).toEqual([]);
  });

  it('lists every declared reason, described, in the ErrorReason enum of the admin schema, and the partner’s in the partner schema', () => {
    const values = (buildAdminSchema().getType('ErrorReason') as GraphQLEnumType).getValues();
    expect(values.map((v) => [v.name, v.description])).toEqual([...DECLARED].map(([r, d]) => [r, d.description]));
    const partner = (buildPartnerSchema().getType('ErrorReason') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(partner).toEqual(expect.arrayContaining(['REQUIRED', 'NOT_A_DATE', 'FUTURE_DATE', 'TOO_MANY_REQUESTS', 'NOT_PUBLISHED']));
    expect(partner).not.toContain('OVER_BUDGET');
  });

  it('has a console translation for every declared reason, and none for a reason the API does not declare', () => {
    const translated = consoleReasons();
    expect([...DECLARED.keys()].filter((r) => !translated.has(r))).toEqual([]);
    expect([...translated.keys()].filter((r) => !DECLARED.has(r))).toEqual([]);
  });

  it('translates only with keys the console has, in Chinese and English', () => {
    const keys = new Set([...CONSOLE.matchAll(/'((?:ra|app)\.[\w.]+)'/g)].map(([, k]) => k));
    expect(keys.size).toBeGreaterThan(40);
    for (const [name, messages] of [
      ['en', en],
      ['zh', zh],
    ] as const) {
      const known = new Set(flat(messages));
      expect([name, [...keys].filter((k) => !known.has(k))]).toEqual([name, []]);
    }
  });
});
