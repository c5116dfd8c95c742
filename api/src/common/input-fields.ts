import { type ArgumentNode, BREAK, type DocumentNode, GraphQLError, Kind, parse, type ValueNode, visit } from 'graphql';
import { badInput, causeOf } from './errors';
import { byteCount, LimitReason, textProblem } from './input-limits';
import type { Reason } from './reasons';
import { InputRefusal } from './validators';

/*
 * graphql-js refuses a bad argument value (a date that does not exist, an unknown enum value) before
 * any resolver runs, and says only "Variable "$d" got invalid value …": the argument is not named.
 * Clients translate by `field` and `reason`, so these refusals get them here, from the request's own
 * document (which the error carries as its source). Argument paths follow the services' convention:
 * `validFrom`, `filter.asOf`, `lines.0.amount`; the fields of an argument named `input` are named
 * without it (`date`, as SuccessionInput's own checks say).
 */

/** What a refused argument value is, for extensions: the field, and a reason where a scalar gave one. */
export function describeInputError(error: unknown, code: unknown): { field: string; reason?: Reason } | undefined {
  const refusal = refusalOf(error);
  if (!refusal && code !== 'BAD_USER_INPUT') return undefined;
  const e = error as GraphQLError;
  if (!(e instanceof GraphQLError) || (e.extensions?.field !== undefined && !refusal)) return undefined;
  const field = fieldOfNode(e);
  if (!field) return undefined;
  return { field, ...(refusal ? { reason: refusal.reason } : {}) };
}

const refusalOf = (error: unknown) => causeOf(error, (e): e is InputRefusal => e instanceof InputRefusal);

function fieldOfNode(error: GraphQLError): string | undefined {
  const node = error.nodes?.[0];
  const body = error.source?.body;
  if (!node?.loc || !body) return undefined;
  let doc: DocumentNode;
  try {
    doc = parse(body, { noLocation: false });
  } catch {
    return undefined;
  }
  if (node.kind === Kind.VARIABLE_DEFINITION) {
    const name = node.variable.name.value;
    const outer = argumentPath(doc, (v) => v.kind === Kind.VARIABLE && v.name.value === name);
    return outer ? naming([...outer, ...innerPath(error.message, name)]) : undefined;
  }
  const start = node.loc.start;
  const outer = argumentPath(doc, (v) => v.loc?.start === start);
  return outer ? naming(outer) : undefined;
}

/** The path (argument name, object fields, list indexes) of the first argument value that matches. */
function argumentPath(doc: DocumentNode, match: (v: ValueNode) => boolean): string[] | undefined {
  let found: string[] | undefined;
  visit(doc, {
    Argument(arg: ArgumentNode) {
      found = within(arg.value, [arg.name.value], match);
      return found ? BREAK : false;
    },
  });
  return found;
}

function within(value: ValueNode, path: string[], match: (v: ValueNode) => boolean): string[] | undefined {
  if (match(value)) return path;
  if (value.kind === Kind.LIST) {
    for (let i = 0; i < value.values.length; i++) {
      const p = within(value.values[i], [...path, String(i)], match);
      if (p) return p;
    }
  } else if (value.kind === Kind.OBJECT) {
    for (const f of value.fields) {
      const p = within(f.value, [...path, f.name.value], match);
      if (p) return p;
    }
  }
  return undefined;
}

/** `… at "i.lines[0].amount"; …` → ['lines', '0', 'amount'] (where inside the variable the value was). */
function innerPath(message: string, variable: string): string[] {
  const at = message.indexOf(` at "${variable}`);
  if (at < 0) return [];
  const rest = message.slice(at + 5 + variable.length);
  const m = /^((?:\.[A-Za-z_][A-Za-z0-9_]*|\[\d+\])+)"/.exec(rest);
  return m ? m[1].split(/[.[\]]/).filter(Boolean) : [];
}

const naming = (path: string[]) => (path[0] === 'input' && path.length > 1 ? path.slice(1) : path).join('.');

/**
 * The most any one string argument may carry: what the largest column (TEXT) holds. Arguments that are
 * stored are checked against their own column when written (common/input-limits); this bounds the
 * ones that are not (search texts, sort fields, credentials, import cells before parsing).
 */
export const MAX_INPUT_BYTES = 65_535;

/**
 * Every string in the operation's arguments, literal or variable, before anything runs: no control
 * characters, at most MAX_INPUT_BYTES. BAD_USER_INPUT naming the argument (`rows.3.cells.1`).
 */
export function checkTextInputs(document: DocumentNode, variables: Record<string, unknown>): void {
  const refuse = (path: string[], value: string) => {
    const p = textProblem(value) ?? (byteCount(value) > MAX_INPUT_BYTES ? { reason: LimitReason.TOO_LONG, text: `is ${byteCount(value)} bytes long; at most ${MAX_INPUT_BYTES}` } : null);
    if (p) {
      const field = naming(path);
      // refused before execution: a client error (HTTP 400), like the request errors graphql-js raises
      throw badInput(field, `${field} ${p.text}`, p.reason, { http: { status: 400 } });
    }
  };
  const { variables: defined, literals } = textInputsOf(document);
  // the variables first, then the literals: the order the document lists them in (definitions before the selections)
  for (const { name, usage } of defined) if (name in variables) valueStrings(variables[name], usage, refuse);
  if (!literals.checked) {
    for (const [path, value] of literals.strings) refuse(path, value);
    literals.checked = true;
  }
}

interface TextInputs {
  /** Each variable the operation defines, with the argument path of its first use. */
  variables: Array<{ name: string; usage: string[] }>;
  /** The literal strings of the document's arguments; `checked` once they passed (they never change). */
  literals: { strings: Array<[string[], string]>; checked: boolean };
}

/**
 * What checkTextInputs reads of a document, once per parsed document (Apollo hands the same object to
 * every request with the same text): walking the document for every variable showed in the profiles
 * of the console's list pages (issue 18).
 */
const textInputs = new WeakMap<DocumentNode, TextInputs>();
function textInputsOf(document: DocumentNode): TextInputs {
  let known = textInputs.get(document);
  if (known) return known;
  known = { variables: [], literals: { strings: [], checked: false } };
  const { variables, literals } = known;
  visit(document, {
    Argument(arg: ArgumentNode) {
      literalStrings(arg.value, [arg.name.value], (path, value) => literals.strings.push([path, value]));
      return false;
    },
    VariableDefinition(def) {
      const name = def.variable.name.value;
      variables.push({ name, usage: argumentPath(document, (v) => v.kind === Kind.VARIABLE && v.name.value === name) ?? [name] });
      return false;
    },
  });
  textInputs.set(document, known);
  return known;
}

function literalStrings(value: ValueNode, path: string[], each: (path: string[], s: string) => void): void {
  if (value.kind === Kind.STRING) each(path, value.value);
  else if (value.kind === Kind.LIST) value.values.forEach((v, i) => literalStrings(v, [...path, String(i)], each));
  else if (value.kind === Kind.OBJECT) value.fields.forEach((f) => literalStrings(f.value, [...path, f.name.value], each));
}

function valueStrings(value: unknown, path: string[], each: (path: string[], s: string) => void): void {
  if (typeof value === 'string') each(path, value);
  else if (Array.isArray(value)) value.forEach((v, i) => valueStrings(v, [...path, String(i)], each));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) valueStrings(v, [...path, k], each);
}
