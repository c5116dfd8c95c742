import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLSchema } from 'graphql';

/** The two endpoints, their paths, and their printed schemas (schema/*.graphql): what the matrix and the hostile suite generate from. */
export type Endpoint = 'admin' | 'partner';
export const PATHS: Record<Endpoint, string> = { admin: '/graphql', partner: '/partner/graphql' };

const schemas = new Map<Endpoint, GraphQLSchema>();
export function printedSchema(endpoint: Endpoint): GraphQLSchema {
  let s = schemas.get(endpoint);
  if (!s) schemas.set(endpoint, (s = buildSchema(fs.readFileSync(path.resolve(__dirname, `../../schema/${endpoint}.graphql`), 'utf8'))));
  return s;
}
