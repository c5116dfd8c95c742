import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { ErrorRequestHandler } from 'express';
import { getMetadataStorage } from 'class-validator';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { EntityNotFoundError } from 'typeorm';
import { dateProblem } from './dates';
import { describeInputError } from './input-fields';
import { causeOf } from './errors';
import { limitError, tokenLimitOf } from './query-limits';
import { isDeclaredReason, type Reason } from './reasons';

export interface FormatOptions {
  /** Internal errors are masked (no message, no stack) in production. */
  production: boolean;
  /** "Did you mean …?" names fields an anonymous caller has no business knowing (introspection is off there too). */
  hideSuggestions: boolean;
  /** Where errors are reported (the request log): outages as warnings, anything unexpected as an error. */
  report: (err: unknown, level?: 'warn' | 'error') => void;
}

/** Seconds a client should wait before retrying when the database is down or saturated. */
export const RETRY_AFTER_SECONDS = 5;

/**
 * Every error leaves with extensions.code. Validation errors name their field(s), each with its
 * failed constraints and their reason; refusals of the query limits say which limit; database
 * outages and a full connection queue are SERVICE_UNAVAILABLE (HTTP 503 with Retry-After, set by
 * `unavailablePlugin`); anything unexpected is reported and, in production, masked.
 *
 * Outside production, an extensions.reason that no one declared (common/reasons.ts, a module's
 * `reasons`) is a bug the console could not translate: it is reported as an error and the answer
 * becomes INTERNAL_SERVER_ERROR naming the reason, so a test or a developer trying the screen sees it
 * at once. In production the refusal goes out as it is (api/test/error-reasons.test.ts keeps that rare).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, opts: FormatOptions): GraphQLFormattedError {
  const out = formatKnown(formatted, error, opts);
  const undeclared = opts.production ? undefined : undeclaredReason(out);
  if (!undeclared) return out;
  const message = `Undeclared error reason ${undeclared} (in "${out.message}"): declare it in api/src/common/reasons.ts or its module's reasons`;
  opts.report(new Error(message));
  return { message, locations: out.locations, path: out.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

function formatKnown(formatted: GraphQLFormattedError, error: unknown, opts: FormatOptions): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError) {
    const fields = flattenValidation(original.extensions.validationErrors as ValidationLike[]);
    const first = fields[0];
    return {
      ...formatted,
      message: first ? first.messages[0] : 'Invalid input',
      extensions: { code: 'BAD_USER_INPUT', field: first?.field, ...(first?.reason ? { reason: first.reason } : {}), fields },
    };
  }
  const limited = queryLimitOf(error);
  if (limited) return { message: limited.message, extensions: withoutHttp(limited.extensions) };
  const tokens = tokenLimitOf(formatted.message);
  if (tokens !== undefined) {
    const e = limitError('tokens', tokens);
    return { message: e.message, extensions: withoutHttp(e.extensions) };
  }
  // a find…OrFail of a record the scope rule hides, or that is gone: what a user cannot see does not exist for them
  if (original instanceof EntityNotFoundError) {
    const found = original as unknown as { entityClass: unknown; stringifyTarget(target: unknown): string };
    const entity = String(found.stringifyTarget(found.entityClass));
    return { message: `${entity} does not exist`, locations: formatted.locations, path: formatted.path, extensions: { code: 'NOT_FOUND', entity } };
  }
  const outage = databaseOutage(original);
  if (outage) {
    opts.report(original, 'warn');
    return { message: outage, locations: formatted.locations, path: formatted.path, extensions: { code: 'SERVICE_UNAVAILABLE', retryAfter: RETRY_AFTER_SECONDS } };
  }
  const input = describeInputError(error, formatted.extensions?.code);
  if (input) formatted = { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT', ...input } };
  const code = formatted.extensions?.code;
  if (!code || code === 'INTERNAL_SERVER_ERROR') {
    opts.report(original);
    if (opts.production) return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  // graphql-js suggests names in validation errors and in variable and enum coercion errors alike.
  if (opts.hideSuggestions && / Did you mean /.test(formatted.message)) {
    return { ...formatted, message: formatted.message.replace(/ ?Did you mean .*\?$/, '') };
  }
  return formatted;
}

/** The first reason of an answer (its own, or one of its fields') that is not declared, where the reasons are known. */
function undeclaredReason(out: GraphQLFormattedError): string | undefined {
  const fields = (out.extensions?.fields as Array<{ reason?: unknown }> | undefined) ?? [];
  const reasons = [out.extensions?.reason, ...fields.map((f) => f.reason)].filter((r): r is string => typeof r === 'string');
  return reasons.find((r) => isDeclaredReason(r) === false);
}

function withoutHttp(extensions: Record<string, unknown>): Record<string, unknown> {
  const { http: _http, ...rest } = extensions;
  return rest;
}

/** A QUERY_LIMIT refusal raised by a validation rule (Apollo wraps it as GRAPHQL_VALIDATION_FAILED). */
const queryLimitOf = (error: unknown) => causeOf(error, (e): e is GraphQLError => e instanceof GraphQLError && e.extensions?.code === 'QUERY_LIMIT');

const OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_ENQUEUE_AFTER_FATAL_ERROR',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_SERVER_SHUTDOWN',
  'ER_CON_COUNT_ERROR',
  'ER_CONNECTION_KILLED',
  'ER_QUERY_INTERRUPTED',
  'ER_LOCK_WAIT_TIMEOUT',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_IOERR',
  'SQLITE_CANTOPEN',
  'SQLITE_FULL',
]);

/**
 * The message for an error that means "the database cannot serve now" (down, restarting, every
 * connection busy), or undefined. mysql2 reports its full wait queue with a bare message.
 */
export function databaseOutage(err: unknown): string | undefined {
  // A plugin's error (the gate's authenticate) reaches formatError wrapped in a GraphQLError: judge each error of the chain.
  const cause = causeOf(err, (e): e is object => outageMessage(e) !== undefined);
  return cause && outageMessage(cause);
}

function outageMessage(err: unknown): string | undefined {
  const e = err as { code?: string; errno?: number; message?: string; driverError?: { code?: string; message?: string } } | undefined;
  if (!e || typeof e !== 'object') return undefined;
  const code = e.driverError?.code ?? e.code;
  const message = e.driverError?.message ?? e.message ?? '';
  if (message === 'Queue limit reached.' || message === 'Pool is closed.') return 'The server is busy: every database connection is in use; try again in a few seconds';
  if ((code && OUTAGE_CODES.has(code)) || /^SQLITE_IOERR/.test(code ?? '') || /connect ECONNREFUSED|Connection lost|closed state/i.test(message)) {
    return 'The database is unavailable; try again in a few seconds';
  }
  return undefined;
}

/** HTTP 503 with Retry-After when an answer carries SERVICE_UNAVAILABLE. */
export function unavailablePlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          const body = response.body;
          const errors = body.kind === 'single' ? body.singleResult.errors : undefined;
          const unavailable = errors?.find((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
          if (unavailable) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(unavailable.extensions?.retryAfter ?? RETRY_AFTER_SECONDS));
          }
        },
      };
    },
  };
}

/**
 * Bodies the GraphQL endpoints cannot read (bad JSON, too large, wrong charset) get a GraphQL-shaped
 * JSON answer, not Express's HTML error page.
 */
export const jsonBodyErrors: ErrorRequestHandler = (err, _req, res, next) => {
  const e = err as { status?: number; statusCode?: number; type?: string; limit?: number };
  const status = e.status ?? e.statusCode;
  if (!status || status < 400 || status >= 500 || res.headersSent) return next(err);
  const code = e.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST';
  const message =
    e.type === 'entity.too.large' ? `The request body is larger than ${e.limit} bytes` : e.type === 'entity.parse.failed' ? 'The request body is not valid JSON' : 'The request body cannot be read';
  res.status(status).json({ errors: [{ message, extensions: { code } }] });
};

/**
 * The last error handler of the app: whatever an HTTP route or a middleware passed on (an undecodable
 * path, a body the parser refused…) is answered as JSON in the GraphQL endpoints' shape, instead of
 * Express's HTML page, which outside production prints the stack trace with the server's file paths.
 * 4xx errors keep their own message when it is meant for the client (`expose`); anything else is
 * reported and answered "Internal server error". The stack goes out only when `stack` says so
 * (NODE_ENV=development and DEBUG_ERRORS=true: config/env.ts showsStackTraces).
 */
export function finalErrors(opts: { stack: boolean; report: (err: unknown) => void }): ErrorRequestHandler {
  return (err, _req, res, next) => {
    if (res.headersSent) return next(err);
    const e = (err ?? {}) as { status?: number; statusCode?: number; expose?: boolean; message?: string; stack?: string };
    const given = e.status ?? e.statusCode;
    const status = typeof given === 'number' && given >= 400 && given < 600 ? given : 500;
    if (status >= 500) opts.report(err);
    const message = status < 500 && e.expose !== false && e.message ? e.message : status < 500 ? 'Bad request' : 'Internal server error';
    const code = status === 404 ? 'NOT_FOUND' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR';
    res.status(status).json({ errors: [{ message, extensions: { code, ...(opts.stack && e.stack ? { stacktrace: e.stack.split('\n') } : {}) } }] });
  };
}

/** A failed constraint as CONSTRAINT_REASONS reads it: the value and the decorator's arguments (Max(100): [100]). */
interface Failed {
  value: unknown;
  args: readonly unknown[];
}

/**
 * class-validator constraint → refusal reason, in one table: the built-in constraints the inputs use,
 * and the custom ones (validators.ts, money.ts). Every constraint an input declares is listed:
 * api/test/error-reasons.test.ts reads the inputs' metadata and fails on one without a reason.
 */
export const CONSTRAINT_REASONS: Readonly<Record<string, Reason | ((failed: Failed) => Reason)>> = {
  isNotBlank: 'REQUIRED',
  isNotEmpty: 'REQUIRED',
  isDefined: 'REQUIRED',
  arrayNotEmpty: 'REQUIRED',
  arrayMinSize: 'REQUIRED',
  maxLength: 'TOO_LONG',
  minLength: 'TOO_SHORT',
  // Length(min, max): which end failed (class-validator counts UTF-16 units); a minimum of 1 means "not empty"
  isLength: ({ value, args: [min] }) => (typeof value === 'string' && value.length < Number(min) ? (Number(min) <= 1 ? 'REQUIRED' : 'TOO_SHORT') : 'TOO_LONG'),
  arrayMaxSize: 'TOO_MANY',
  min: ({ args: [min] }) => (min === 0 ? 'NEGATIVE' : 'OUT_OF_RANGE'),
  max: ({ args: [max] }) => (max === 100 ? 'OVER_100' : 'OUT_OF_RANGE'),
  isUscc: 'INVALID_USCC',
  isInt: 'NOT_A_WHOLE_NUMBER',
  matches: 'BAD_FORMAT',
  isUrl: 'NOT_A_LINK',
  // a Boolean argument is a boolean by the schema's own rule: only a missing one reaches here
  isBoolean: 'REQUIRED',
  isLocalDate: ({ value }) => dateProblem(value)?.reason ?? 'NOT_A_DATE',
  isPastDate: ({ value }) => dateProblem(value, { past: true })?.reason ?? 'FUTURE_DATE',
  isYuan: 'NOT_AN_AMOUNT',
  isNonZeroYuan: 'ZERO_AMOUNT',
};

interface ValidationLike {
  property: string;
  value?: unknown;
  /** The validated object (class-validator exposes it by default): its class's metadata has the constraints' arguments. */
  target?: object;
  constraints?: Record<string, string>;
  children?: ValidationLike[];
}

/** One field at fault: its messages, the names of its failed constraints in the same order, and their reason. */
export interface FieldRefusal {
  field: string;
  messages: string[];
  constraints: string[];
  reason?: Reason;
}

function flattenValidation(errors: ValidationLike[], prefix = ''): FieldRefusal[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints), constraints: Object.keys(e.constraints), ...fieldReason(e) }] : [];
    return [...own, ...flattenValidation(e.children ?? [], field)];
  });
}

/** The reason of the first failed constraint that has one. */
function fieldReason(e: ValidationLike): { reason?: Reason } {
  for (const name of Object.keys(e.constraints ?? {})) {
    const rule = CONSTRAINT_REASONS[name];
    if (rule) return { reason: typeof rule === 'string' ? rule : rule({ value: e.value, args: constraintArgs(e, name) }) };
  }
  return {};
}

/** The arguments a constraint was declared with on the failed property (Max(100) → [100]), from class-validator's metadata. */
function constraintArgs(e: ValidationLike, name: string): readonly unknown[] {
  const target = e.target?.constructor;
  if (!target) return [];
  const declared = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === e.property && m.name === name);
  return declared?.constraints ?? [];
}
