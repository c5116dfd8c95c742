import cluster from 'node:cluster';
import { randomUUID } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { type DocumentNode, type FragmentDefinitionNode, Kind, Lexer, type SelectionSetNode, Source, TokenKind, visit } from 'graphql';
import pino, { type DestinationStream, type Logger } from 'pino';
import type { RateLimits } from './rate-limit';
import { type RequestBudget, RequestScope, runInScope } from './request-scope';

/** What the request log says of one GraphQL request, filled in as the request goes. */
export interface RequestFacts {
  userId?: number;
  partnerKeyId?: number;
  operationName?: string | null;
  outcome?: string;
  cost?: number;
  /** The document's size by the measures the query limits use (how the limits were chosen: README). */
  shape?: DocumentShape;
}

declare module 'node:http' {
  interface IncomingMessage {
    scope?: RequestScope;
    facts?: RequestFacts;
    /** The request's id (X-Request-Id when sane, else a new one): requestLog sets it first. */
    id?: string;
    /** The request's logger, bound to its id (made when asked for). */
    log?: Logger;
  }
}

/**
 * The process's logger: JSON lines in production, pretty in development, silent in tests unless
 * LOG_LEVEL says otherwise. Tests may pass their own destination to read the lines.
 */
export function createLogger(env: string, level: string | undefined, destination?: DestinationStream): Logger {
  const lvl = level ?? (env === 'test' ? 'silent' : 'info');
  // several workers behind one port (api/src/cluster.ts): each line says which one wrote it
  const base = cluster.isWorker ? { pid: process.pid } : undefined;
  if (destination) return pino({ level: lvl, base }, destination);
  if (env === 'development') return pino({ level: lvl, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: cluster.isWorker ? 'hostname' : 'pid,hostname' } } });
  return pino({ level: lvl, base });
}

/** A client's X-Request-Id when it is a sane token, else a new one. */
export function requestIdOf(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[A-Za-z0-9._:-]{1,64}$/.test(header) ? header : randomUUID();
}

/** Requests that get a log line: the API's endpoints and files (not the console's assets). */
const LOGGED = /^\/(graphql|partner\/graphql|files)\b/;

/**
 * One JSON line per request: request id, method and path (never the query string, headers or body:
 * no tokens, passwords, keys or personal data), status, duration, user or partner key, GraphQL
 * operation, outcome, estimated cost and SQL statement count — at info, warn for 4xx, error for 5xx
 * ("request failed", with err). A request the client abandoned before its answer was sent is logged
 * at warn as "request failed" too (pino-http logged it at info).
 * The line pino-http wrote, written here without it: pino-http made a child logger and bound its
 * serializers on every request whatever the level, which cost ~8% of a small request's CPU at
 * LOG_LEVEL=warn (issue 18's profiles); here nothing is made unless the line will be written.
 * `req.log` (the request's logger, with its id) is made when something asks for it.
 */
export function requestLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const id = requestIdOf(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', id);
    req.id = id;
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', { configurable: true, enumerable: false, get: () => (child ??= logger.child({ reqId: id })) });
    if (LOGGED.test(req.url ?? '')) {
      const started = performance.now();
      let done = false;
      const finish = (err?: Error) => {
        if (done) return;
        done = true;
        // as pino-http wrote it: a 5xx is a failed request with an err naming its status; an abort (the
        // client gone before the answer was sent) is one too, at warn
        const serverError = res.statusCode >= 500;
        const aborted = !res.writableFinished;
        const failed = !!err || serverError || aborted;
        const level = err || serverError ? 'error' : res.statusCode >= 400 || aborted ? 'warn' : 'info';
        const error = err ?? (serverError ? new Error(`failed with status code ${res.statusCode}`) : aborted ? new Error('Aborted') : undefined);
        if (!logger.isLevelEnabled(level)) return;
        const f = req.facts ?? {};
        logger[level](
          {
            reqId: id,
            req: { method: req.method, path: (req.originalUrl ?? req.url ?? '').split('?')[0] },
            res: { status: res.statusCode },
            ...(error ? { err: error } : {}),
            responseTime: Math.round(performance.now() - started),
            requestId: req.scope?.requestId,
            userId: f.userId,
            partnerKeyId: f.partnerKeyId,
            operation: f.operationName ?? undefined,
            outcome: f.outcome,
            cost: f.cost,
            shape: f.shape,
            statements: req.scope?.statements ?? 0,
          },
          failed ? 'request failed' : 'request',
        );
      };
      res.once('finish', () => finish());
      res.once('close', () => finish());
      res.once('error', (err) => finish(err));
    }
    next();
  };
}

/**
 * Gives the request its database budget (see RequestScope) and runs the rest of the chain inside
 * it. Mounted after the body parser: stream events would not carry the async context.
 */
export function scopeRequests(budget: RequestBudget): RequestHandler {
  return (req, _res, next) => {
    const scope = new RequestScope(String((req as unknown as { id?: unknown }).id ?? requestIdOf(req.get('x-request-id'))), budget);
    req.scope = scope;
    req.facts = {};
    runInScope(scope, next);
  };
}

/** Fills the request's log facts from Apollo: the operation, the outcome (OK or the first error's code). */
export function factsPlugin<C extends { facts?: RequestFacts; cost?: number }>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, source }) {
          if (contextValue.facts) contextValue.facts.shape = shapeOnce(document, source);
        },
        async willSendResponse({ contextValue, operationName, response, errors }) {
          const facts = contextValue.facts;
          if (!facts) return;
          facts.operationName = operationName ?? null;
          facts.cost = contextValue.cost;
          const body = response.body;
          const sent = body.kind === 'single' ? body.singleResult.errors : undefined;
          const first = sent?.[0] ?? errors?.[0];
          facts.outcome = first ? String(first.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'OK';
        },
      };
    },
  };
}

export interface DocumentShape {
  depth: number;
  aliases: number;
  directives: number;
  tokens: number;
}

/**
 * shapeOf, once per parsed document: Apollo keeps the documents it parsed and validated (its document
 * store) and hands the same object to every request with the same text, so the lexing and the walk are
 * done once per query text, not per request (they showed in the partner endpoint's profile).
 */
const shapes = new WeakMap<DocumentNode, DocumentShape>();
function shapeOnce(document: DocumentNode, source: string): DocumentShape {
  let shape = shapes.get(document);
  if (!shape) shapes.set(document, (shape = shapeOf(document, source)));
  return shape;
}

/** Depth (fragments spread), aliases, directives and tokens of a document that passed the limits. */
export function shapeOf(document: DocumentNode, source: string): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // Each fragment's depth is computed once: a chain of fragments spreading the next twice would
  // otherwise be walked 2^n times. A fragment cycle (refused by validation anyway) counts as 0.
  const known = new Map<string, number>();
  const fragmentDepth = (name: string): number => {
    const seen = known.get(name);
    if (seen !== undefined) return seen;
    known.set(name, 0);
    const d = depthOf(fragments.get(name)?.selectionSet);
    known.set(name, d);
    return d;
  };
  const depthOf = (set: SelectionSetNode | undefined): number => {
    let max = 0;
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) max = Math.max(max, sel.name.value.startsWith('__') ? 0 : 1 + depthOf(sel.selectionSet));
      else if (sel.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(sel.selectionSet));
      else max = Math.max(max, fragmentDepth(sel.name.value));
    }
    return max;
  };
  let depth = 0;
  let aliases = 0;
  let directives = 0;
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) depth = Math.max(depth, depthOf(d.selectionSet));
  visit(document, {
    Field: (node) => void (node.alias && aliases++),
    Directive: () => void directives++,
  });
  return { depth, aliases, directives, tokens: tokenCount(document, source) };
}

/** Tokens as the parser's limit counts them: read off the parsed document's token list, lexed again only without one. */
function tokenCount(document: DocumentNode, source: string): number {
  let tokens = 0;
  if (document.loc) {
    for (let t = document.loc.startToken.next; t && t.kind !== TokenKind.EOF; t = t.next) if (t.kind !== TokenKind.COMMENT) tokens++;
    return tokens;
  }
  const lexer = new Lexer(new Source(source));
  while (lexer.advance().kind !== TokenKind.EOF) tokens++;
  return tokens;
}

/**
 * Turns away, before the body is read, an address that keeps sending requests the API refuses as
 * malformed or too large (HTTP 400 or 413: query limits, parse and validation errors, bad bodies),
 * and counts each such refusal when the answer is sent. Cheap refusals are still work on the one
 * event loop; this keeps a looping client from taking it from everyone else.
 */
export function refusalBrake(limits: RateLimits): RequestHandler {
  return (req, res, next) => {
    const ip = req.ip ?? 'unknown';
    limits.refusedFor('refusedIp', ip).then((ms) => {
      if (ms > 0) {
        const retryAfter = Math.max(1, Math.ceil(ms / 1000));
        res
          .status(429)
          .set('Retry-After', String(retryAfter))
          .json({
            errors: [{ message: `Too many refused requests from your address; try again in ${retryAfter} seconds`, extensions: { code: 'RATE_LIMITED', reason: 'TOO_MANY_REFUSALS', retryAfter } }],
          });
        return;
      }
      res.on('finish', () => {
        if (res.statusCode === 400 || res.statusCode === 413) void limits.take('refusedIp', ip).catch(() => undefined);
      });
      next();
    }, next);
  };
}
