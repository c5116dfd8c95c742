import { useCallback } from 'react';
import type { GraphQLFormattedError } from 'graphql';
import { HttpError, useLocaleState, useTranslate } from 'ra-core';
import { formatFen } from '../resources/incentive/money';

/** What a failed request carries beside its message (a translation key): the API's code and extensions, and field errors. */
export interface ErrorBody {
  code?: string;
  extensions: Record<string, unknown>;
  errors?: Record<string, string>;
}
/** A failed data provider call or gqlRequest, as a screen catches it. */
export interface Failure {
  message: string;
  status?: number;
  body?: ErrorBody;
}

/**
 * extensions.reason (the API's ErrorReason enum, schema/admin.graphql) → message key; the extensions
 * are the message's arguments. Every reason the API declares has an entry, and only those:
 * api/test/error-reasons.test.ts reads this map. The console never shows the server's English.
 */
const REASON_MESSAGES: Record<string, string> = {
  // input rules (api/src/common: validation constraints, columns, dates, money, periods, query)
  REQUIRED: 'ra.validation.required',
  TOO_LONG: 'app.validation.too_long',
  TOO_SHORT: 'app.validation.too_short',
  TOO_MANY: 'app.validation.too_many',
  CONTROL_CHARACTER: 'app.validation.control_character',
  OUT_OF_RANGE: 'app.validation.out_of_range',
  NOT_A_WHOLE_NUMBER: 'app.validation.not_whole',
  BAD_FORMAT: 'app.validation.bad_format',
  NOT_A_LINK: 'app.validation.not_a_link',
  NEGATIVE: 'app.ratings.errors.negative',
  OVER_100: 'app.ratings.errors.over_100',
  NOT_A_DATE: 'app.validation.not_a_date',
  DATE_OUT_OF_RANGE: 'app.validation.date_out_of_range',
  FUTURE_DATE: 'app.validation.future_date',
  NOT_AN_AMOUNT: 'app.incentives.errors.bad_amount',
  ZERO_AMOUNT: 'app.incentives.errors.zero_amount',
  INVALID_USCC: 'app.validation.uscc',
  END_BEFORE_START: 'app.validation.end_before_start',
  OVERLAP: 'app.validation.overlap',
  BAD_SORT: 'app.errors.bad_sort',
  // what the database refuses (CRUD)
  NOT_AN_ID: 'app.errors.not_an_id',
  DUPLICATE: 'app.errors.duplicate',
  UNKNOWN_REFERENCE: 'app.errors.unknown_reference',
  STILL_REFERENCED: 'app.errors.still_referenced',
  // references the modules' checks refuse
  SELF_REFERENCE: 'app.errors.self_reference',
  BELONGS_ELSEWHERE: 'app.errors.belongs_elsewhere',
  NOT_APPLICABLE: 'app.errors.not_applicable',
  // workflow moves (api/src/common/workflow)
  STALE: 'app.errors.stale',
  INVALID_TRANSITION: 'app.errors.bad_transition',
  ROLE: 'app.errors.forbidden',
  OUT_OF_SCOPE: 'app.errors.out_of_scope',
  REASON_REQUIRED: 'app.incentives.errors.reason_required',
  BEFORE_PREVIOUS: 'app.validation.before_previous',
  FROZEN: 'app.errors.frozen',
  PERIOD_NOT_CALENDAR: 'app.ratings.errors.period_not_calendar',
  PERIOD_CODE_MISMATCH: 'app.ratings.errors.period_code',
  PERIOD_OVERLAP: 'app.ratings.errors.period_overlap',
  PERIOD_KIND_IN_USE: 'app.ratings.errors.period_kind_in_use',
  SUBJECT_OUTSIDE: 'app.ratings.errors.subject_outside',
  // sheet imports (api/src/common/sheet-import)
  NO_ROWS: 'app.import.empty',
  ROWS_REJECTED: 'app.import.has_rejects',
  // request limits
  TOO_MANY_REQUESTS: 'app.errors.rate_limited',
  TOO_MANY_REFUSALS: 'app.errors.rate_limited',
  STATEMENT_BUDGET: 'app.validation.too_many',
  TIME_BUDGET: 'app.validation.too_many',
  // signing in, one's own password
  PASSWORD_CHANGE_REQUIRED: 'app.password.required_intro',
  LOGIN_LOCKED: 'app.auth.locked',
  TOO_MANY_ATTEMPTS: 'app.auth.too_many_attempts',
  WRONG_PASSWORD: 'app.password.wrong_current',
  SAME_PASSWORD: 'app.password.same',
  OWN_ACCOUNT: 'app.auth.own_account',
  OWN_PASSWORD: 'app.password.own_reset',
  UNIT_ELSEWHERE: 'app.auth.unit_elsewhere',
  // a retried write (Idempotency-Key)
  ALREADY_APPLIED: 'app.errors.already_applied',
  KEY_REUSED: 'app.incentives.errors.key_reused',
  // task progress
  BEFORE_ASSIGNMENT: 'app.validation.before_assignment',
  HAS_PROGRESS: 'app.tasks.errors.has_progress',
  UNKNOWN_DEADLINE: 'app.tasks.errors.unknown_deadline',
  YEAR_REQUIRED: 'app.tasks.errors.year_required',
  BAD_DATE: 'app.tasks.errors.bad_date',
  MILESTONE_NEEDS_DATE: 'app.tasks.errors.milestone_needs_date',
  NOT_OVERDUE: 'app.tasks.errors.not_overdue',
  BACKDATED: 'app.validation.backdated',
  // incentives: rules, budgets, award cases, payouts
  ALREADY_AWARDED: 'app.incentives.errors.one_award',
  NOT_ACCEPTED: 'app.incentives.errors.not_accepted',
  NO_AMOUNT: 'app.incentives.errors.no_amount',
  NO_COMPANY: 'app.incentives.errors.no_company',
  IN_USE: 'app.incentives.errors.in_use',
  REFERENCE_USED: 'app.incentives.errors.reference_taken',
  NO_RULE_IN_FORCE: 'app.incentives.errors.no_rule',
  NO_BUDGET: 'app.incentives.errors.no_budget',
  OVER_BUDGET: 'app.incentives.errors.over_budget',
  MAKER_CHECKER: 'app.incentives.errors.maker_checker',
  BUDGET_BELOW_COMMITTED: 'app.incentives.errors.budget_below_committed',
  DUPLICATE_LINE: 'app.incentives.errors.duplicate_line',
  BUDGET_COMMITTED: 'app.incentives.errors.budget_committed',
  // organisation, indicators, owners committees
  WRONG_LEVEL: 'app.org.errors.wrong_level',
  NOT_PER_COMPOUND: 'app.indicators.errors.not_per_compound',
  PARTY_MEMBERS_OVER_MEMBERS: 'app.committees.errors.party_members_over',
  COUNTS_FROM_MEMBERS: 'app.committees.errors.counts_from_members',
  BEFORE_FORMED: 'app.committees.errors.before_formed',
  OUTSIDE_PERIOD: 'app.committees.errors.outside_period',
  BEFORE_QUARTER_END: 'app.revenue.errors.before_quarter_end',
  BEFORE_AUDITED_YEAR: 'app.revenue.errors.before_audited_year',
  // party organisations
  COMPOUND_OR_COMPANY: 'app.party.errors.compound_or_company',
  TOO_FEW_FOR_SINGLE: 'app.party.errors.too_few_for_single',
  FUNCTIONAL_NEEDS_MEMBERS: 'app.party.errors.functional_needs_members',
  INSTRUCTOR_REQUIRED: 'app.party.errors.instructor_required',
  NOT_PARTY_MEMBER: 'app.party.errors.not_party_member',
  // working groups: roster order, succession
  NOT_THE_CURRENT_SEATS: 'app.roster.not_the_current_seats',
  SUCCESSION_TOO_EARLY: 'app.succession.errors.too_early',
  NOT_THE_HOLDER: 'app.succession.errors.not_the_holder',
  SEVERAL_HOLDERS: 'app.succession.errors.several_holders',
  ALREADY_HOLDS_POST: 'app.succession.errors.already_holds',
  // star ratings
  WEIGHTS_NOT_100: 'app.ratings.errors.weights',
  THRESHOLDS_NOT_RISING: 'app.ratings.errors.thresholds',
  BLACK_NOT_BELOW_RED: 'app.ratings.errors.black_below_red',
  DUPLICATE_CRITERION: 'app.ratings.errors.duplicate_code',
  NO_CRITERIA: 'app.ratings.errors.no_criteria',
  ABOVE_MAX: 'app.ratings.errors.above_max',
  TOO_MANY_DECIMALS: 'app.ratings.errors.two_decimals',
  // publication of the red and black list
  NOTHING_TO_PUBLISH: 'app.ratings.errors.nothing_to_publish',
  INCOMPLETE: 'app.ratings.errors.incomplete',
  UNCHANGED: 'app.ratings.errors.unchanged',
  CORRECTION_REASON_REQUIRED: 'app.ratings.errors.correction_reason',
  BEFORE_REVISION: 'app.ratings.errors.before_revision',
  BEFORE_PERIOD: 'app.ratings.errors.before_period',
  // partner keys, and the partner schema (which the console does not call)
  ALREADY_REVOKED: 'app.partner.errors.already_revoked',
  NOT_PUBLISHED: 'app.errors.not_found',
  UNISSUED_ID: 'app.partner.errors.unissued_id',
  UNISSUED_CURSOR: 'app.partner.errors.unissued_cursor',
  AMBIGUOUS_PERIOD: 'app.partner.errors.ambiguous_period',
  // attachments (POST /files, deleteAttachment)
  NOT_ATTACHABLE: 'app.attachments.errors.not_attachable',
  FILE_TOO_LARGE: 'app.attachments.errors.too_large',
  EMPTY_FILE: 'app.attachments.errors.empty',
  UNSUPPORTED_TYPE: 'app.attachments.errors.unsupported',
  EXTENSION_MISMATCH: 'app.attachments.errors.extension',
  ATTACHMENT_LIMIT: 'app.attachments.errors.limit',
  NOT_UPLOADER: 'app.attachments.errors.not_uploader',
};
/**
 * A reason whose wording depends on what was refused (extensions.entity, which the throw site sends):
 * [reason, entity, key], before REASON_MESSAGES. FROZEN's default is the generic app.errors.frozen.
 */
const REASON_IN_CONTEXT: Array<[string, string, string]> = [
  ['FROZEN', 'Payout', 'app.incentives.errors.frozen_payout'],
  ['FROZEN', 'AwardCase', 'app.incentives.errors.frozen_case'],
  ['FROZEN', 'RatingPeriod', 'app.ratings.errors.frozen_period'],
  ['FROZEN', 'RatingScheme', 'app.ratings.errors.frozen_scheme'],
  ['STILL_REFERENCED', 'Attachment', 'app.attachments.errors.still_attached'],
];
/**
 * A reason whose wording depends on the field it refuses (a validation error names no entity):
 * [reason, field, key], before REASON_IN_CONTEXT and REASON_MESSAGES.
 */
const REASON_FOR_FIELD: Array<[string, string, string]> = [
  // the only inputs with a minimum length above 1 are passwords (Length(8, 200)): changePassword's
  // `next`, createUser's and updateUser's `password`
  ['TOO_SHORT', 'next', 'app.password.too_short'],
  ['TOO_SHORT', 'password', 'app.password.too_short'],
  // the inputs with a pattern (Matches): a user's name, a jurisdiction's division code
  ['BAD_FORMAT', 'username', 'app.validation.username'],
  ['BAD_FORMAT', 'code', 'app.validation.code'],
];
/** Without a known reason: by extensions.code. */
const CODE_MESSAGES: Record<string, string> = {
  BAD_USER_INPUT: 'ra.message.invalid_form',
  CONFLICT: 'app.errors.bad_transition',
  FORBIDDEN: 'app.errors.forbidden',
  UNAUTHENTICATED: 'app.auth.session_expired',
  NOT_FOUND: 'app.errors.not_found',
  RATE_LIMITED: 'app.errors.rate_limited',
  QUERY_LIMIT: 'app.validation.too_many',
  INTERNAL_SERVER_ERROR: 'app.errors.internal',
};
/** Codes whose own message says all there is (no reason needed): the session, a missing record, the rate limit, a server fault. */
const SELF_EXPLAINED_CODES = new Set(['UNAUTHENTICATED', 'NOT_FOUND', 'RATE_LIMITED', 'INTERNAL_SERVER_ERROR']);

/**
 * A refusal the console can only word generically (no reason, or one this map lacks): said on the
 * browser's console with this prefix, which the browser tests collect and fail on (admin/test/browser.ts).
 */
export const UNTRANSLATED = '[untranslated]';
const untranslated = (what: string) => console.error(`${UNTRANSLATED} ${what}`);

/** The last resort (no reason, an unknown code): still a message key, never the server's English. */
const GENERIC_MESSAGE = 'ra.notification.http_error';

/** A message that is a translation key already (a failure the console made itself). */
const isMessageKey = (message: string) => /^(ra|app)\.[\w.]+$/.test(message);

/** A reason's message key: by its field, then by its entity, then its own. */
function reasonMessage(reason: unknown, context: { entity?: unknown; field?: unknown } = {}): string | undefined {
  if (typeof reason !== 'string') return undefined;
  const byField = REASON_FOR_FIELD.find(([r, f]) => r === reason && f === context.field)?.[2];
  return byField ?? REASON_IN_CONTEXT.find(([r, e]) => r === reason && e === context.entity)?.[2] ?? REASON_MESSAGES[reason];
}

/** One field of a validation error (extensions.fields): its failed constraints (isNotBlank, max…) and their reason. */
interface FieldRefusal {
  field: string;
  constraints?: string[];
  reason?: string;
}

export function toHttpError(error: unknown): unknown {
  // ra-data-graphql wraps Apollo's error in an HttpError whose body is the original error.
  const source = ((error as { body?: unknown })?.body ?? error) as {
    graphQLErrors?: GraphQLFormattedError[];
    networkError?: { result?: { errors?: GraphQLFormattedError[] } };
  };
  const gqlErrors = source?.graphQLErrors?.length ? source.graphQLErrors : (source?.networkError?.result?.errors ?? []);
  const first = gqlErrors[0];
  if (!first) return error;
  const extensions = first.extensions ?? {};
  const code = extensions.code as string | undefined;
  const byReason = reasonMessage(extensions.reason, { entity: extensions.entity, field: extensions.field });
  if (!byReason && !(code && SELF_EXPLAINED_CODES.has(code)) && !isMessageKey(first.message)) untranslated(`${code ?? 'no code'} ${String(extensions.reason ?? 'no reason')}: ${first.message}`);
  const message = byReason ?? (isMessageKey(first.message) ? first.message : (code && CODE_MESSAGES[code]) || GENERIC_MESSAGE);
  const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'NOT_FOUND' ? 404 : code === 'CONFLICT' ? 409 : code === 'RATE_LIMITED' ? 429 : 400;
  const errors: Record<string, string> = {};
  // a validation error: each field by its own reason (its failed constraint's)
  for (const f of (extensions.fields as FieldRefusal[] | undefined) ?? []) {
    const key = reasonMessage(f.reason, { field: f.field });
    if (!key) untranslated(`field ${f.field} ${String(f.reason ?? 'no reason')} (${(f.constraints ?? []).join(', ')})`);
    errors[f.field] = key ?? CODE_MESSAGES.BAD_USER_INPUT;
  }
  const field = extensions.field as string | undefined;
  if (field && !errors[field]) errors[field] = message;
  // the extensions (e.g. reason OVER_BUDGET with the figures) are the message's arguments: see useErrorText
  const body: ErrorBody = { code, extensions };
  return new HttpError(message, status, Object.keys(errors).length ? { ...body, errors } : body);
}

/** A message's arguments: the extensions, and each amount in fen also as money (budgetFen → budget: ¥1,000.00). */
export function messageArgs(extensions: Record<string, unknown> = {}, locale: string): Record<string, unknown> {
  const args: Record<string, unknown> = { ...extensions };
  for (const [k, v] of Object.entries(extensions)) if (k.endsWith('Fen') && typeof v === 'number') args[k.slice(0, -3)] = formatFen(v, locale);
  // RATE_LIMITED: the wait in seconds, and in whole minutes for the long ones (a sign-in lock-out)
  if (typeof extensions.retryAfter === 'number') args.minutes = Math.ceil(extensions.retryAfter / 60);
  return args;
}

/** A failure in the reader's language, with what its reason carries (OVER_BUDGET: the budget's figures). */
export function useErrorText(): (failure: Failure) => string {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  // the same function while the language is the same, so effects may depend on it
  return useCallback((f: Failure) => translate(f.message, { ...messageArgs(f.body?.extensions, locale), _: f.message }), [translate, locale]);
}
