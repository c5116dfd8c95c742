import { GraphQLEnumType } from 'graphql';

/*
 * Refusal reasons: the stable code an error carries in extensions.reason, beside extensions.code
 * and extensions.field. Clients translate by it and never by the English message. The reasons the
 * common code raises are declared here; each module declares the ones its own code throws in its
 * index.ts (`reasons`), and joins `ModuleReasons` so that badInput, conflict and forbidden accept
 * them. A reason several modules throw is declared once: here, or in the lowest of them. The schemas
 * list them all as the ErrorReason enum (api/src/schema.ts); api/test/error-reasons.test.ts checks
 * that every reason thrown is declared, every declared one is thrown, and the console translates each.
 */

/** The reasons api/src/common raises (input rules, validation, CRUD, workflows, imports, limits, the auth checker). */
export const CORE_REASONS = {
  // input rules: class-validator constraints (see CONSTRAINT_REASONS in format-error.ts), column limits, dates, money
  REQUIRED: 'A value that must be given is missing or empty',
  TOO_LONG: 'A text is longer than its column or argument holds (MySQL counts characters, TEXT counts bytes)',
  TOO_SHORT: 'A text is shorter than its minimum length',
  TOO_MANY: 'A list carries more items than one request may (filter values, sheet rows, list arguments)',
  CONTROL_CHARACTER: 'A text contains a control or invalid character',
  OUT_OF_RANGE: 'A number lies outside its allowed range',
  NOT_A_WHOLE_NUMBER: 'A number that must be whole (a count, a year, a quarter) has a fraction',
  BAD_FORMAT: 'A text does not have the form its field requires (a username’s letters, a 6-digit division code)',
  NOT_A_LINK: 'Not an http(s) link',
  NEGATIVE: 'A number that may not be negative is below 0',
  OVER_100: 'A percentage or score above 100',
  NOT_A_DATE: 'Not a real calendar date written YYYY-MM-DD',
  DATE_OUT_OF_RANGE: 'A date outside 2000-01-01 to 2100-12-31',
  FUTURE_DATE: 'A date of something that happened lies in the future',
  NOT_AN_AMOUNT: 'Not an amount in yuan (digits and a decimal point, at most two decimals, not negative)',
  ZERO_AMOUNT: 'An amount of zero where an amount is paid or budgeted',
  INVALID_USCC: 'Not a valid unified social credit code (统一社会信用代码, GB 32100-2015 check character)',
  // periods (validFrom / validTo and the like)
  END_BEFORE_START: 'A period ends before it starts',
  OVERLAP: 'A period overlaps another record’s period',
  OUTSIDE_PERIOD: 'A record is dated before the period (half year, year) it is about began (a survey, a report meeting, an evaluation)',
  // list arguments (common/query): perPage and page out of range are OUT_OF_RANGE, too many filter values TOO_MANY
  BAD_SORT: 'A list is sorted by a field it cannot be sorted by, or in an order other than ASC or DESC',
  // what the database refuses (CRUD)
  NOT_AN_ID: 'An id argument is not a positive whole number: ids are what the API answered',
  DUPLICATE: 'A record with this value (a unique key) already exists',
  UNKNOWN_REFERENCE: 'A referenced record does not exist',
  STILL_REFERENCED: 'Other records still refer to this one, so it cannot be deleted',
  // references the modules' checks refuse (a reason several modules throw)
  SELF_REFERENCE: 'A record would point at itself: its own parent, under itself through others, a document citing itself',
  BELONGS_ELSEWHERE: 'A referenced record belongs to another one (a clause of another document, a milestone of another task, a criterion of another scheme)',
  NOT_APPLICABLE:
    'A value is given that does not apply to this record, so it stays empty (a property company for a compound or a payout that has none, a subject of another kind than the scheme rates)',
  // workflows (common/workflow)
  STALE: 'Someone else changed the record meanwhile: reload it and try again',
  INVALID_TRANSITION: 'The record’s current state does not allow this move',
  ROLE: 'The signed-in user’s role may not do this',
  OUT_OF_SCOPE: 'The record belongs to another office: the user may read it but not change it (or place a record there)',
  REASON_REQUIRED: 'This move needs a reason (why)',
  BEFORE_PREVIOUS: 'A step is dated before the previous step',
  FROZEN: 'The record passed a stage (submitted, accepted, published) after which this can no longer change',
  // sheet imports (common/sheet-import)
  NO_ROWS: 'The sheet has no rows',
  ROWS_REJECTED: 'Some rows of the sheet are rejected, so nothing was imported',
  // request limits
  TOO_MANY_REQUESTS: 'Too many requests in a short time: wait extensions.retryAfter seconds',
  TOO_MANY_REFUSALS: 'Too many refused requests from one IP: wait extensions.retryAfter seconds',
  STATEMENT_BUDGET: 'The request needs more database statements than one request may send',
  TIME_BUDGET: 'The request took longer than one request may and was stopped',
  // the auth checker
  PASSWORD_CHANGE_REQUIRED: 'Someone else set the password: the user must choose their own first',
} as const satisfies Record<string, string>;

/**
 * The reasons the modules declare, joined by declaration merging in each module's index.ts (as the
 * services join `Services`):
 *
 *   const reasons = { ALREADY_AWARDED: 'One site earns one award …' } as const;
 *   declare module '../../common/reasons' { interface ModuleReasons extends Record<keyof typeof reasons, true> {} }
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules' declarations
export interface ModuleReasons {}

/** A declared refusal reason: what badInput, conflict, forbidden and AppError accept as extensions.reason. */
export type Reason = keyof typeof CORE_REASONS | keyof ModuleReasons;

/** Who declares reasons: the core (`common`) and the modules (ApiModule's name and reasons). */
export interface ReasonSource {
  name: string;
  reasons?: Readonly<Record<string, string>>;
}

/** A declared reason: its description and who declared it (`common` or the module's name). */
export interface DeclaredReason {
  description: string;
  owner: string;
}

const REASON_NAME = /^[A-Z][A-Z0-9_]*$/;

/**
 * Every declared reason, the core's first and then each module's in the modules' order. A reason
 * declared twice, or not named as a GraphQL enum value in capitals, throws: this runs when the
 * schemas are built, so at start-up.
 */
export function collectReasons(modules: readonly ReasonSource[]): ReadonlyMap<string, DeclaredReason> {
  const all = new Map<string, DeclaredReason>();
  const add = (owner: string, reasons: Readonly<Record<string, string>>) => {
    for (const [reason, description] of Object.entries(reasons)) {
      const first = all.get(reason);
      if (first) throw new Error(`Error reason ${reason} is declared twice (${first.owner} and ${owner}): declare it once, in common/reasons.ts or the lowest module that throws it`);
      if (!REASON_NAME.test(reason)) throw new Error(`Error reason "${reason}" (${owner}) must be written in capitals, digits and _`);
      if (!description.trim()) throw new Error(`Error reason ${reason} (${owner}) needs a description`);
      all.set(reason, { description, owner });
    }
  };
  add('common', CORE_REASONS);
  for (const m of modules) add(m.name, m.reasons ?? {});
  return all;
}

let registered: ReadonlySet<string> | undefined;

/** Records the app's declared reasons (the schema does, when it builds ErrorReason) for format-error's check. */
export function registerReasons(reasons: ReadonlyMap<string, DeclaredReason>): void {
  registered = new Set(reasons.keys());
}

/** Whether a reason is declared; undefined while no schema has registered them (formatError alone, in unit tests). */
export const isDeclaredReason = (reason: string): boolean | undefined => registered?.has(reason);

/** The ErrorReason enum of a schema: every reason given, with its description, in declaration order. */
export function errorReasonEnum(reasons: ReadonlyMap<string, DeclaredReason>): GraphQLEnumType {
  return new GraphQLEnumType({
    name: 'ErrorReason',
    description:
      'Why a request was refused: what an error carries in `extensions.reason`, beside `extensions.code` and ' +
      '`extensions.field`. Translate by it, not by the English message. A validation error also lists each field ' +
      'at fault in `extensions.fields` with its failed constraints (`constraints`) and their `reason`.',
    values: Object.fromEntries([...reasons].map(([reason, d]) => [reason, { value: reason, description: d.description }])),
  });
}
