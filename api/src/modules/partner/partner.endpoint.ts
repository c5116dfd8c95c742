import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import { type DocumentNode, type FragmentDefinitionNode, GraphQLError, type GraphQLFormattedError, Kind, type SelectionSetNode } from 'graphql';
import type { DataSource } from 'typeorm';
import { Loaders } from '../../common/loaders';
import { KnownOperationTypes } from '../../common/validation-rules';
import type { AppConfig } from '../../config/env';
import { buildPartnerSchema } from '../../schema';
import type { Services } from '../../services';
import type { PartnerContext } from './partner.context';

/**
 * Writes one access-log row per request once the answer is known: the key, the operation, the
 * top-level queries, the companies looked up, and OK or the first error's code.
 */
const accessLog: ApolloServerPlugin<PartnerContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue: ctx, operation, operationName, errors, document }) {
        const queries = operation && document ? topLevelFields(operation.selectionSet, document) : [];
        const introspection = operation && queries.length === 0 ? ['__schema'] : [];
        const code = errors?.length ? String(errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'OK';
        await ctx.services.partnerKey.logAccess({ keyId: ctx.key.id, operationName: operationName ?? null, queries: [...queries, ...introspection], companies: [...ctx.looked], outcome: code, requestId: ctx.requestId });
      },
    };
  },
};

/**
 * The partner endpoint at /partner/graphql: its own schema, an API key in X-Api-Key on every
 * request (refused with 401 and UNAUTHENTICATED otherwise, and logged either way).
 */
export async function mountPartnerApi(
  app: Express,
  deps: { ds: DataSource; services: Services; config: AppConfig; formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError; requestIdOf: (h: string | undefined) => string },
): Promise<ApolloServer<PartnerContext>> {
  const plugins: ApolloServerPlugin<PartnerContext>[] = [ApolloServerPluginCacheControlDisabled(), accessLog];
  if (deps.config.env === 'production') plugins.push(ApolloServerPluginLandingPageDisabled());
  const apollo = new ApolloServer<PartnerContext>({
    schema: buildPartnerSchema(),
    introspection: deps.config.introspection,
    includeStacktraceInErrorResponses: deps.config.env === 'development',
    formatError: deps.formatError,
    validationRules: [KnownOperationTypes],
    plugins,
  });
  await apollo.start();
  app.use(
    '/partner/graphql',
    express.json({ limit: '100kb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<PartnerContext> => {
        const requestId = deps.requestIdOf(req.get('x-request-id'));
        res.setHeader('X-Request-Id', requestId);
        const check = await deps.services.partnerKey.check(req.get('x-api-key'));
        if ('refused' in check) {
          await deps.services.partnerKey.logAccess({ keyId: check.keyId, operationName: operationNameOf(req.body), queries: [], companies: [], outcome: 'UNAUTHENTICATED', requestId });
          throw new GraphQLError(check.refused, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        }
        return { key: check.key, requestId, loaders: new Loaders(deps.ds), services: deps.services, looked: new Set() };
      },
    }),
  );
  return apollo;
}

/** The operation name a refused request gave (in the body, or in the query text). */
function operationNameOf(body: unknown): string | null {
  const b = body as { operationName?: unknown; query?: unknown } | undefined;
  if (typeof b?.operationName === 'string') return b.operationName;
  const m = typeof b?.query === 'string' ? /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(b.query) : null;
  return m?.[1] ?? null;
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
