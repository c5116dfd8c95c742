import type { GraphQLFormattedError } from 'graphql';
import { HttpError } from 'ra-core';

/** Server messages (English) that the console shows in the user's language. */
const KNOWN_MESSAGES: Array<[RegExp, string]> = [
  [/cannot be before/, 'app.validation.end_before_start'],
  [/already exists/, 'app.errors.duplicate'],
  [/unified social credit code/, 'app.validation.uscc'],
  [/cannot be empty|is required/, 'ra.validation.required'],
  [/: no \w+ with id/, 'app.errors.unknown_reference'],
  [/still referenced/, 'app.errors.still_referenced'],
  [/one site earns one award/, 'app.incentives.errors.one_award'],
  [/payouts come only after acceptance/, 'app.incentives.errors.not_accepted'],
  [/names no amount/, 'app.incentives.errors.no_amount'],
  [/names no property company/, 'app.incentives.errors.no_company'],
  [/would exceed the \d+ budget/, 'app.incentives.errors.over_budget'],
  [/No \d+ budget is set/, 'app.incentives.errors.no_budget'],
  [/already recorded on another payout/, 'app.incentives.errors.reference_taken'],
  [/frozen once submitted/, 'app.incentives.errors.frozen'],
  [/yuan is already committed/, 'app.incentives.errors.budget_below_committed'],
  [/must be an amount in yuan|more than two decimals|must not be negative/, 'app.incentives.errors.bad_amount'],
  [/a reason is required|Say why/, 'app.incentives.errors.reason_required'],
  [/is in the future/, 'app.validation.future_date'],
  [/is before the previous step|is before the approval/, 'app.validation.before_previous'],
  [/appears twice: one line per recipient/, 'app.incentives.errors.duplicate_line'],
  [/was changed by someone else/, 'app.errors.stale'],
  [/it cannot move to/, 'app.errors.bad_transition'],
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
  const status = code === 'UNAUTHENTICATED' ? 401 : code === 'FORBIDDEN' ? 403 : code === 'NOT_FOUND' ? 404 : code === 'CONFLICT' ? 409 : 400;
  const errors: Record<string, string> = {};
  const fields = (first.extensions?.fields as Array<{ field: string; messages: string[] }> | undefined) ?? [];
  for (const f of fields) errors[f.field] = localise(f.messages[0]);
  const field = first.extensions?.field as string | undefined;
  if (field && !errors[field]) errors[field] = localise(first.message);
  const message = (code && CODE_MESSAGES[code]) || localise(first.message);
  // extensions (e.g. reason OVER_BUDGET with the figures) let a screen say more than the message
  const body = { code, extensions: first.extensions ?? {} };
  return new HttpError(message, status, Object.keys(errors).length ? { ...body, errors } : body);
}
