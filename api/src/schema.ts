import { type GraphQLNamedType, GraphQLSchema, isEnumType, lexicographicSortSchema, printSchema, printType } from 'graphql';
import { buildSchemaSync, type ClassType } from 'type-graphql';
import { authChecker } from './common/auth-checker';
import { ENTITIES } from './entities';
import { MODULES } from './modules';
import { withIdempotency } from './modules/idempotency';
import type { PartnerContext } from './modules/partner/partner.context';
import { createSourceResolver } from './modules/policy/policy.resolver';
import { SourcedRecord } from './modules/policy/sourced.entity';
import { unauthenticated } from './common/errors';
import { collectReasons, errorReasonEnum, registerReasons } from './common/reasons';

/** Every entity that records its source document and clause gets sourceDocument / sourceClause. */
const SOURCED = (ENTITIES as ClassType[]).filter((e): e is ClassType<SourcedRecord> => e.prototype instanceof SourcedRecord);

/** The admin schema's resolvers: every module's, and sourceDocument / sourceClause on every sourced entity. */
export const ADMIN_RESOLVERS = [...MODULES.flatMap((m) => m.resolvers ?? []), ...SOURCED.map(createSourceResolver)];

/**
 * Every refusal reason (extensions.reason): the core's and each module's. A reason declared twice
 * throws here, when the first schema is built: at start-up.
 */
const REASONS = collectReasons(MODULES);
registerReasons(REASONS);

/** The schema with one more type: ErrorReason, which no field returns (errors carry it), so type-graphql would not print it. */
function withType(schema: GraphQLSchema, type: GraphQLNamedType): GraphQLSchema {
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, types: [...config.types, type] });
}

let cached: GraphQLSchema | undefined;

/**
 * The admin schema. Validation is on per argument (`validate: true` on inputs), not globally,
 * so reads skip class-validator.
 */
export function buildAdminSchema(): GraphQLSchema {
  cached ??= withType(
    withIdempotency(
      buildSchemaSync({
        resolvers: ADMIN_RESOLVERS as unknown as [Function, ...Function[]],
        authChecker,
        validate: false,
      }),
    ),
    errorReasonEnum(REASONS),
  );
  return cached;
}

/** The partner schema: read-only queries over published editions, nothing of the admin schema. */
export const PARTNER_RESOLVERS = MODULES.flatMap((m) => m.partnerResolvers ?? []);

/** The reasons a partner can meet: the core's and those of the modules that serve the partner schema. */
const PARTNER_OWNERS = new Set(['common', ...MODULES.filter((m) => m.partnerResolvers?.length).map((m) => m.name)]);
const PARTNER_REASONS = new Map([...REASONS].filter(([, d]) => PARTNER_OWNERS.has(d.owner)));

let partnerCached: GraphQLSchema | undefined;

export function buildPartnerSchema(): GraphQLSchema {
  partnerCached ??= withType(
    buildSchemaSync({
      resolvers: PARTNER_RESOLVERS as unknown as [Function, ...Function[]],
      // the endpoint refuses requests without a valid key before resolvers run; this is the second lock
      authChecker: ({ context }: { context: PartnerContext }) => {
        if (!context.key) throw unauthenticated('Send your partner API key in the X-Api-Key header');
        return true;
      },
      validate: false,
    }),
    errorReasonEnum(PARTNER_REASONS),
  );
  return partnerCached;
}

/**
 * The SDL as committed in schema/: types and fields sorted, so the file diff shows real changes
 * only, but enum values kept in declaration order. That order means something (组长 before 副组长,
 * 未开始 before 已完成), and the console's choice lists are built from the admin file.
 */
export function printSorted(schema: GraphQLSchema): string {
  let sdl = printSchema(lexicographicSortSchema(schema));
  for (const type of Object.values(schema.getTypeMap())) {
    if (isEnumType(type) && !type.name.startsWith('__')) {
      const sorted = lexicographicSortSchema(new GraphQLSchema({ types: [type] })).getType(type.name)!;
      sdl = sdl.replace(printType(sorted), printType(type));
    }
  }
  return `${sdl}\n`;
}

export const printAdminSchema = (): string => printSorted(buildAdminSchema());
export const printPartnerSchema = (): string => printSorted(buildPartnerSchema());
