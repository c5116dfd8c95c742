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

/** Server messages (English) that the console shows in the user's language. */
const KNOWN_MESSAGES: Array<[RegExp, string]> = [
  [/cannot be before/, 'app.validation.end_before_start'],
  [/already exists/, 'app.errors.duplicate'],
  [/unified social credit code/, 'app.validation.uscc'],
  [/cannot be empty|is required/, 'ra.validation.required'],
  [/: no \w+ with id/, 'app.errors.unknown_reference'],
  [/still referenced/, 'app.errors.still_referenced'],
  [/yuan is already committed/, 'app.incentives.errors.budget_below_committed'],
  [/must be an amount in yuan|more than two decimals|must not be negative/, 'app.incentives.errors.bad_amount'],
  [/is in the future/, 'app.validation.future_date'],
  [/appears twice: one line per recipient/, 'app.incentives.errors.duplicate_line'],
  // star ratings and their publication
  [/The weights add up to/, 'app.ratings.errors.weights'],
  [/thresholds rise with the stars/, 'app.ratings.errors.thresholds'],
  [/blackMaxStars must be below redMinStars/, 'app.ratings.errors.black_below_red'],
  [/Criterion code .* appears twice/, 'app.ratings.errors.duplicate_code'],
  [/needs at least one criterion/, 'app.ratings.errors.no_criteria'],
  [/is above the maximum/, 'app.ratings.errors.above_max'],
  [/at most two decimals/, 'app.ratings.errors.two_decimals'],
  [/must not be less than 0/, 'app.ratings.errors.negative'],
  [/must not be greater than 100/, 'app.ratings.errors.over_100'],
  [/say why it is corrected/, 'app.ratings.errors.correction_reason'],
  [/is before revision/, 'app.ratings.errors.before_revision'],
  [/is before the period starts/, 'app.ratings.errors.before_period'],
  // one's own password
  [/current password is wrong/, 'app.password.wrong_current'],
  [/different from the current one/, 'app.password.same'],
  [/next must be at least 8 characters/, 'app.password.too_short'],
];
/** extensions.reason, a stable code of the API, and its message; the extensions are the message's arguments. */
const REASON_MESSAGES: Record<string, string> = {
  ALREADY_AWARDED: 'app.incentives.errors.one_award',
  NOT_ACCEPTED: 'app.incentives.errors.not_accepted',
  NO_RULE_IN_FORCE: 'app.incentives.errors.no_rule',
  NO_AMOUNT: 'app.incentives.errors.no_amount',
  NO_COMPANY: 'app.incentives.errors.no_company',
  FROZEN: 'app.incentives.errors.frozen',
  IN_USE: 'app.incentives.errors.in_use',
  REFERENCE_USED: 'app.incentives.errors.reference_taken',
  KEY_REUSED: 'app.incentives.errors.key_reused',
  ALREADY_APPLIED: 'app.errors.already_applied',
  OVER_BUDGET: 'app.incentives.errors.over_budget',
  NO_BUDGET: 'app.incentives.errors.no_budget',
  MAKER_CHECKER: 'app.incentives.errors.maker_checker',
  ROLE: 'app.errors.forbidden',
  INVALID_TRANSITION: 'app.errors.bad_transition',
  STALE: 'app.errors.stale',
  INCOMPLETE: 'app.ratings.errors.incomplete',
  UNCHANGED: 'app.ratings.errors.unchanged',
  NOTHING_TO_PUBLISH: 'app.ratings.errors.nothing_to_publish',
  ALREADY_REVOKED: 'app.partner.errors.already_revoked',
  // sheet imports (api/src/common/sheet-import)
  ROWS_REJECTED: 'app.import.has_rejects',
  NO_ROWS: 'app.import.empty',
  // input rules (api/src/common: money, dates, input-limits, periods, query; task/progress.rules)
  NOT_AN_AMOUNT: 'app.incentives.errors.bad_amount',
  ZERO_AMOUNT: 'app.incentives.errors.zero_amount',
  NOT_A_DATE: 'app.validation.not_a_date',
  DATE_OUT_OF_RANGE: 'app.validation.date_out_of_range',
  FUTURE_DATE: 'app.validation.future_date',
  // workflow moves (api/src/common/workflow)
  REASON_REQUIRED: 'app.incentives.errors.reason_required',
  BEFORE_PREVIOUS: 'app.validation.before_previous',
  REQUIRED: 'ra.validation.required',
  BEFORE_ASSIGNMENT: 'app.validation.before_assignment',
  BACKDATED: 'app.validation.backdated',
  TOO_LONG: 'app.validation.too_long',
  TOO_MANY: 'app.validation.too_many',
  CONTROL_CHARACTER: 'app.validation.control_character',
  OUT_OF_RANGE: 'app.validation.out_of_range',
  END_BEFORE_START: 'app.validation.end_before_start',
  OVERLAP: 'app.validation.overlap',
  PASSWORD_CHANGE_REQUIRED: 'app.password.required_intro',
  LOGIN_LOCKED: 'app.auth.locked',
  TOO_MANY_ATTEMPTS: 'app.auth.too_many_attempts',
  TOO_MANY_REQUESTS: 'app.errors.rate_limited',
};
/** A reason whose wording depends on what was refused (extensions.entity): [reason, entity, key], before REASON_MESSAGES. */
const REASON_IN_CONTEXT: Array<[string, string, string]> = [
  ['FROZEN', 'RatingPeriod', 'app.ratings.errors.frozen_period'],
  ['FROZEN', 'RatingScheme', 'app.ratings.errors.frozen_scheme'],
];
const CODE_MESSAGES: Record<string, string> = {
  FORBIDDEN: 'app.errors.forbidden',
  UNAUTHENTICATED: 'app.auth.session_expired',
  NOT_FOUND: 'app.errors.not_found',
  INTERNAL_SERVER_ERROR: 'app.errors.internal',
};
const localise = (message: string) => KNOWN_MESSAGES.find(([re]) => re.test(message))?.[1] ?? message;

export function toHttpError(error: unknown): unknown {
  // ra-data-graphql wraps Apollo's error in an HttpError whose body is the original error.
  const source = ((error as { body?: unknown })?.body ?? error) as {
    graphQLErrors?: GraphQLFormattedError[];
    networkError?: { result?: { errors?: GraphQLFormattedError[] } };
  };
  const gqlErrors = source?.graphQLErrors?.length ? source.graphQLErrors : (source?.networkError?.result?.errors ?? []);
  const first = gqlErrors[0];
  if (!first) return error;
  const code = first.extensions?.code as string | undefined;
  const reason = first.extensions?.reason as string | undefined;
  const entity = first.extensions?.entity;
  const byReason = reason ? (REASON_IN_CONTEXT.find(([r, e]) => r === reason && e === entity)?.[2] ?? REASON_MESSAGES[reason]) : undefined;
  const text = byReason ?? localise(first.message);
  const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'NOT_FOUND' ? 404 : code === 'CONFLICT' ? 409 : code === 'RATE_LIMITED' ? 429 : 400;
  const errors: Record<string, string> = {};
  const fields = (first.extensions?.fields as Array<{ field: string; messages: string[] }> | undefined) ?? [];
  for (const f of fields) errors[f.field] = f.field === first.extensions?.field && byReason ? byReason : localise(f.messages[0]);
  const field = first.extensions?.field as string | undefined;
  if (field && !errors[field]) errors[field] = text;
  const message = byReason ?? ((code && CODE_MESSAGES[code]) || text);
  // the extensions (e.g. reason OVER_BUDGET with the figures) are the message's arguments: see useErrorText
  const body: ErrorBody = { code, extensions: first.extensions ?? {} };
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
  return (f) => translate(f.message, { ...messageArgs(f.body?.extensions, locale), _: f.message });
}
