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
  return new HttpError(message, status, Object.keys(errors).length ? { errors, code } : { code });
}
