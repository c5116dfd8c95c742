/**
 * Refusal reasons (extensions.reason) are declared once (api/src/common/reasons.ts, a module's
 * `reasons`), listed by the ErrorReason enum of the schemas, thrown only when declared, never
 * declared without being thrown, and translated by the console. Read from the sources: a reason
 * typed into a throw site, a declaration or the console's map is checked here before anyone sees it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { getMetadataStorage } from 'class-validator';
import { type GraphQLEnumType } from 'graphql';
import Polyglot from 'node-polyglot';
import { en, TECHNICAL_NAMES, zh } from './console-messages';
import { CONSTRAINT_REASONS } from '../src/common/format-error';
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

/** A call's arguments at the top level (`(a, \`x ${f(b, c)}\`, { d, e })` → three), strings and templates kept whole. */
function topLevelArgs(call: string): string[] {
  const args: string[] = [];
  const stack: string[] = []; // open quotes, template expressions and brackets
  let start = 1;
  for (let i = 1; i < call.length - 1; i++) {
    const ch = call[i];
    const top = stack.at(-1);
    if (top === "'" || top === '"' || top === '`') {
      if (ch === '\\') i++;
      else if (ch === top) stack.pop();
      else if (top === '`' && ch === '$' && call[i + 1] === '{') {
        stack.push('${');
        i++;
      }
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`' || ch === '(' || ch === '[' || ch === '{') stack.push(ch);
    else if (ch === ')' || ch === ']' || ch === '}') stack.pop();
    else if (ch === ',' && !stack.length) {
      args.push(call.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = call.slice(start, -1).trim();
  return last ? [...args, last] : args;
}

/** Where each error helper takes its reason: badInput(field, message, reason), conflict(message, field, reason), forbidden(message, reason). */
const REASON_ARGUMENT = { badInput: 2, conflict: 2, forbidden: 1 } as const;
/** The codes a refusal built by hand (new AppError, new GraphQLError) must give a reason with. */
const REFUSAL_CODE = /\b(?:ErrorCode\.|code:\s*')(BAD_USER_INPUT|CONFLICT|FORBIDDEN)\b/;
/** A `reason: …` property or a shorthand `reason` in the call's object arguments. */
const REASON_PROPERTY = /[{,]\s*reason\s*(?::|,|\})/;

/**
 * The refusals in a source text that carry no reason, as `path:line call`: a badInput, conflict or
 * forbidden call without its reason argument (or with `undefined`), and an AppError or GraphQLError
 * built with BAD_USER_INPUT, CONFLICT or FORBIDDEN and no `reason`. Calls may span lines. There is no
 * allow-list: every refusal has a reason (NOT_FOUND, UNAUTHENTICATED and the limits' codes say it all).
 */
function reasonlessCalls(src: string, file: string): string[] {
  const out: string[] = [];
  const at = (index: number, call: string) => `${file}:${src.slice(0, index).split('\n').length} ${call.replace(/\s+/g, ' ').slice(0, 120)}`;
  for (const m of src.matchAll(/\b(badInput|conflict|forbidden)\(/g)) {
    const call = callText(src, m.index + m[0].length - 1);
    const reason = topLevelArgs(call)[REASON_ARGUMENT[m[1] as keyof typeof REASON_ARGUMENT]];
    if (!reason || reason === 'undefined') out.push(at(m.index, `${m[1]}${call}`));
  }
  for (const m of src.matchAll(/\bnew (AppError|GraphQLError)\(/g)) {
    const call = callText(src, m.index + m[0].length - 1);
    if (REFUSAL_CODE.test(call) && !REASON_PROPERTY.test(call)) out.push(at(m.index, `new ${m[1]}${call}`));
  }
  return out;
}

/** The console's map of reasons to message keys (admin/src/dataProvider/errors.ts), read as text. */
const CONSOLE = readFileSync(join(REPO, 'admin', 'src', 'dataProvider', 'errors.ts'), 'utf8');
function consoleReasons(): Map<string, string> {
  const block = /const REASON_MESSAGES[^=]*= \{([\s\S]*?)\n\};/.exec(CONSOLE)?.[1];
  if (!block) throw new Error('REASON_MESSAGES not found in admin/src/dataProvider/errors.ts');
  return new Map([...block.matchAll(/^\s*([A-Z][A-Z0-9_]*): '([^']+)',/gm)].map(([, r, key]) => [r, key]));
}

/** A table of contextual wordings in errors.ts (REASON_IN_CONTEXT, REASON_FOR_FIELD): its [reason, entity or field, key] rows. */
function consoleTable(name: string): Array<[string, string, string]> {
  const block = new RegExp(`const ${name}[^=]*= \\[([\\s\\S]*?)\\n\\];`).exec(CONSOLE)?.[1];
  if (!block) throw new Error(`${name} not found in admin/src/dataProvider/errors.ts`);
  return [...block.matchAll(/\['([A-Z][A-Z0-9_]*)', '([\w.]+)', '([\w.]+)'\]/g)].map(([, r, c, key]) => [r, c, key]);
}

/** Each reason thrown with `entity: 'X'` in the same call (conflict(…, 'FROZEN', { entity: 'Payout' })), as "FROZEN Payout". */
function thrownWithEntity(): Set<string> {
  const found = new Set<string>();
  for (const file of sourceFiles(API)) {
    const src = readFileSync(file, 'utf8');
    for (const m of src.matchAll(THROWERS)) {
      const call = callText(src, m.index + m[0].length - 1);
      const entities = [...call.matchAll(/\bentity:\s*'(\w+)'/g)].map(([, e]) => e);
      for (const [, r] of call.matchAll(/'([A-Z][A-Z0-9_]*)'/g)) for (const e of entities) found.add(`${r} ${e}`);
    }
  }
  return found;
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

  it('finds a refusal without a reason, in one line or several (the check itself)', () => {
    const src = [
      "throw badInput('a', `${x}, and ${f(y, z)}`, 'REQUIRED');",
      "throw badInput('b', `${x}, and ${f(y, z)}`);",
      'throw conflict(',
      "  'Stuck, somehow',",
      '  undefined,',
      ');',
      "throw conflict('Taken', undefined, 'DUPLICATE', { entity: 'X' });",
      "throw forbidden('No');",
      "throw new AppError(ErrorCode.CONFLICT, 'Old', {\n  field: 'status',\n});",
      "throw new AppError(ErrorCode.CONFLICT, 'Old', { field: 'status', reason: 'STALE' });",
      "throw new AppError(ErrorCode.NOT_FOUND, 'Gone', { id });",
    ].join('\n');
    expect(reasonlessCalls(src, 'x.ts').map((c) => c.split(' ')[0])).toEqual(['x.ts:2', 'x.ts:3', 'x.ts:8', 'x.ts:9']);
  });

  it('gives every refusal in api/src a reason: no badInput, conflict or forbidden without one', () => {
    const missing = sourceFiles(API).flatMap((file) => reasonlessCalls(readFileSync(file, 'utf8'), relative(REPO, file)));
    expect(missing).toEqual([]);
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

  it('words a reason by context only where the API sends that context: declared reasons, entities a throw site sends', () => {
    const inContext = consoleTable('REASON_IN_CONTEXT');
    const byField = consoleTable('REASON_FOR_FIELD');
    expect(inContext.length).toBeGreaterThanOrEqual(4);
    expect([...inContext, ...byField].map(([r]) => r).filter((r) => !DECLARED.has(r))).toEqual([]);
    const sent = thrownWithEntity();
    expect(inContext.map(([r, e]) => `${r} ${e}`).filter((re) => !sent.has(re))).toEqual([]);
  });

  it('gives every constraint an input declares a reason, so no field error is worded generically', () => {
    buildAdminSchema();
    buildPartnerSchema();
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, Array<{ type: string; name?: string; propertyName: string; target: unknown }>> };
    const declared = [...storage.validationMetadatas.values()].flat().filter((m) => m.type === 'customValidation');
    expect(declared.length).toBeGreaterThan(100);
    const without = declared.filter((m) => !m.name || !(m.name in CONSTRAINT_REASONS)).map((m) => `${(m.target as { name?: string }).name}.${m.propertyName}: ${m.name}`);
    expect(without).toEqual([]);
  });

  /*
   * Every reason rendered as the console renders it (polyglot, both catalogs, every wording: its own,
   * by entity, by field): the Chinese has Chinese and no Latin word but a file kind's or a unit's
   * name, the English has English; no key is missing. The arguments a message takes (%{budget}) are the refusal's extensions: left as tokens here.
   */
  it('renders every reason, in every wording, in Chinese and in English', () => {
    const reasons = consoleReasons();
    const keysOf = (r: string) =>
      [reasons.get(r), ...consoleTable('REASON_IN_CONTEXT'), ...consoleTable('REASON_FOR_FIELD')].flatMap((k) => (typeof k === 'string' ? [k] : k && k[0] === r ? [k[2]] : []));
    const rendered: Array<[string, string, string, string]> = [];
    for (const [name, phrases] of [
      ['zh', zh],
      ['en', en],
    ] as const) {
      const missing: string[] = [];
      const polyglot = new Polyglot({ phrases: phrases as object, locale: name, onMissingKey: (key: string) => (missing.push(key), key) });
      for (const r of DECLARED.keys()) for (const key of keysOf(r)) rendered.push([name, r, key, polyglot.t(key, { smart_count: 2 })]);
      expect([name, missing]).toEqual([name, []]);
    }
    const text = (t: string) => t.replace(/%\{\w+\}/g, '').replace(TECHNICAL_NAMES, '');
    // the English may quote what a Chinese user types (deadlines as printed: 2025年3月底前, 催办)
    const wrong = rendered.filter(([lang, , , t]) => (lang === 'zh' ? !/\p{Script=Han}/u.test(t) || /[A-Za-z]{2,}/.test(text(t)) : !/[A-Za-z]{2,}/.test(text(t))));
    expect(wrong.map(([lang, r, key, t]) => `${lang} ${r} ${key}: ${t}`)).toEqual([]);
    expect(new Set(rendered.map(([, r]) => r))).toEqual(new Set(DECLARED.keys()));
  });

  it('writes every message’s arguments as polyglot reads them (%{name}), in both languages', () => {
    const strings = (o: object): string[] => Object.values(o).flatMap((v) => (typeof v === 'string' ? [v] : v && typeof v === 'object' ? strings(v) : []));
    for (const messages of [zh, en]) expect(strings(messages).filter((m) => /\{\{|\$\{|%\([a-z]/.test(m))).toEqual([]);
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
