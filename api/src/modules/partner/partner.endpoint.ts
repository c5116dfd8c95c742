import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { type DocumentNode, type FragmentDefinitionNode, GraphQLError, type GraphQLFormattedError, type GraphQLSchema, Kind, type SelectionSetNode } from 'graphql';
import type { DataSource } from 'typeorm';
import { jsonBodyErrors, unavailablePlugin } from '../../common/format-error';
import { Loaders } from '../../common/loaders';
import { rateLimited, type Taken } from '../../common/rate-limit';
import { admitOperation, limitRules, PARTNER_LIMITS } from '../../common/query-limits';
import { factsPlugin, refusalBrake, scopeRequests } from '../../common/request-log';
import { readFromReplicas, type RequestBudget } from '../../common/request-scope';
import { KnownOperationTypes } from '../../common/validation-rules';
import { type AppConfig, showsStackTraces } from '../../config/env';
import type { Services } from '../../common/context';
import type { PartnerContext } from './partner.context';
import { prepareViewer } from '../../common/scope';

/**
 * Writes one access-log row per request that got as far as the key check, once the answer is
 * known: the key, the operation, the top-level queries, the companies looked up, and OK or the first
 * error's code. Requests refused by the query limits never reach the key check and touch no table:
 * the request log (pino) has them.
 */
const accessLog: ApolloServerPlugin<PartnerContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue: ctx, operation, operationName, errors, document }) {
        if (!ctx.checked) return;
        const queries = operation && document ? topLevelFields(operation.selectionSet, document) : [];
        const introspection = operation && queries.length === 0 ? ['__schema'] : [];
        const code = errors?.length ? String(errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'OK';
        await ctx.services.partnerKey.logAccess({
          keyId: ctx.checked.keyId,
          operationName: operationName ?? null,
          queries: [...queries, ...introspection],
          companies: [...ctx.looked],
          outcome: code,
          requestId: ctx.requestId,
        });
      },
    };
  },
};

/**
 * After parsing, validation and the cost check (nothing before them reads the database): the API
 * key. A missing, unknown or revoked key is 401 UNAUTHENTICATED.
 */
function gate(): ApolloServerPlugin<PartnerContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(rc) {
          admitOperation(rc, PARTNER_LIMITS);
          const ctx = rc.contextValue;
          const check = await ctx.services.partnerKey.check(ctx.apiKey);
          // Rate limits: per key, and per address for requests without a valid key. Over a limit, only
          // the window's first refusal is logged (outcome RATE_LIMITED): a client cycling through made-up
          // keys gets its refusals logged up to the limit, then one row, then nothing until the window ends.
          const limited = (taken: Taken & { ok: false }, keyId: number | null, message: string) => {
            if (taken.firstRefusal) ctx.checked = { keyId };
            return rateLimited(message, taken.retryAfterMs, 'TOO_MANY_REQUESTS');
          };
          if ('refused' in check) {
            const taken = await ctx.services.limits.take('partnerIp', ctx.ip ?? 'unknown');
            if (!taken.ok) throw limited(taken, check.keyId, 'Too many requests without a valid API key from your address');
            ctx.checked = { keyId: check.keyId };
            throw new GraphQLError(check.refused, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
          }
          const taken = await ctx.services.limits.take('partnerKey', String(check.key.id));
          if (!taken.ok) throw limited(taken, check.key.id, 'Too many requests with this API key');
          ctx.key = check.key;
          ctx.checked = { keyId: check.key.id };
          // the key reads what was published within the area of the office that issued it (common/scope.ts)
          await prepareViewer(ctx.services.ds, { jurisdictionId: check.key.jurisdictionId, role: 'PARTNER' });
          if (ctx.facts) ctx.facts.partnerKeyId = check.key.id;
          // the key was checked on the primary; the published views may come from a read replica (config/data-source.ts)
          if (rc.operation?.operation === 'query') readFromReplicas();
        },
      };
    },
  };
}

/**
 * The partner endpoint at /partner/graphql: its own schema and tighter query limits, an API key in
 * X-Api-Key on every request (refused with 401 and UNAUTHENTICATED otherwise, and logged up to the
 * per-address rate limit), at most RATE_LIMIT_PARTNER_KEY requests per key (429 RATE_LIMITED beyond).
 */
export async function mountPartnerApi(
  app: Express,
  deps: {
    ds: DataSource;
    schema: GraphQLSchema;
    services: Services;
    config: AppConfig;
    formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
    budget: RequestBudget;
  },
): Promise<ApolloServer<PartnerContext>> {
  const plugins: ApolloServerPlugin<PartnerContext>[] = [ApolloServerPluginCacheControlDisabled(), gate(), unavailablePlugin(), factsPlugin(), accessLog];
  if (deps.config.env === 'production') plugins.push(ApolloServerPluginLandingPageDisabled());
  const apollo = new ApolloServer<PartnerContext>({
    schema: deps.schema,
    // the process stops it (api/src/index.ts, through app.close), as the admin endpoint's
    stopOnTerminationSignals: false,
    introspection: deps.config.introspection,
    includeStacktraceInErrorResponses: showsStackTraces(deps.config),
    formatError: deps.formatError,
    validationRules: [KnownOperationTypes, ...limitRules(PARTNER_LIMITS)],
    parseOptions: { maxTokens: PARTNER_LIMITS.tokens },
    plugins,
  });
  await apollo.start();
  app.use(
    '/partner/graphql',
    refusalBrake(deps.services.limits),
    express.json({ limit: '32kb' }),
    jsonBodyErrors,
    scopeRequests(deps.budget),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<PartnerContext> => ({
        apiKey: req.get('x-api-key'),
        requestId: req.scope!.requestId,
        ip: req.ip ?? null,
        loaders: new Loaders(deps.ds),
        services: deps.services,
        looked: new Set(),
        facts: req.facts,
      }),
    }),
  );
  return apollo;
}

/** The root fields an operation asks for, through fragments and inline fragments too (introspection left out). */
function topLevelFields(set: SelectionSetNode, document: DocumentNode): string[] {
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]));
  const out = new Set<string>();
  const seen = new Set<string>();
  const walk = (s: SelectionSetNode) => {
    for (const sel of s.selections) {
      if (sel.kind === Kind.FIELD) {
        if (!sel.name.value.startsWith('__')) out.add(sel.name.value);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else if (!seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        const f = fragments.get(sel.name.value);
        if (f) walk(f.selectionSet);
      }
    }
  };
  walk(set);
  return [...out];
}
