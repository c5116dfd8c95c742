/**
 * Typed GraphQL documents from a printed schema, with GraphQL Code Generator's core API: result and
 * variable types plus a TypedDocumentNode per operation and fragment. Used by the partner client
 * (schema/partner-client/codegen.ts) and the console (admin/scripts/codegen.ts).
 *
 * Programmatic rather than @graphql-codegen/cli: the CLI pulls in native watcher packages we do not
 * need. Output is deterministic (sorted inputs, normalised line endings, no paths or timestamps), so
 * the checked-in file can be compared byte for byte. codegen() validates every document against the
 * schema first: an unknown field, argument or type fails the run (and so `--check`, and typecheck).
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GraphQLError, Source, buildASTSchema, parse } from 'graphql';
import { codegen } from '@graphql-codegen/core';
import type { Types } from '@graphql-codegen/plugin-helpers';
import * as typescriptOperationsPlugin from '@graphql-codegen/typescript-operations';
import * as typedDocumentNodePlugin from '@graphql-codegen/typed-document-node';

export const REPO = join(__dirname, '..');

export interface TypedDocumentsTarget {
  /** The printed schema, repo-relative (schema/partner.graphql). */
  schemaFile: string;
  /** Folders searched (recursively) for *.graphql documents, repo-relative. */
  documentDirs: string[];
  /** The generated file, repo-relative. */
  outputFile: string;
  /** The npm script that rewrites it, for the header and the stale message. */
  script: string;
  /** Custom scalars as TypeScript types. */
  scalars: Record<string, string>;
}

const readText = (rel: string) => readFileSync(join(REPO, rel), 'utf8').replace(/\r\n?/g, '\n');
// The source name is the repo-relative path, so a syntax or validation error names the file.
const parseFile = (rel: string) => parse(new Source(readText(rel), rel));

function graphqlFiles(dir: string): string[] {
  const abs = join(REPO, dir);
  if (!existsSync(abs)) return [];
  return readdirSync(abs).flatMap((name) => {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) return graphqlFiles(relative(REPO, path));
    return name.endsWith('.graphql') ? [relative(REPO, path)] : [];
  });
}

/** The text the output file should have, from the given documents (default: the target's files). */
export async function generate(target: TypedDocumentsTarget, documents?: Types.DocumentFile[]): Promise<string> {
  const schemaDoc = parseFile(target.schemaFile);
  const files = target.documentDirs.flatMap(graphqlFiles).sort();
  const docs = documents ?? files.map((location) => ({ location, document: parseFile(location) }));
  if (docs.length === 0) throw new Error(`no .graphql documents in ${target.documentDirs.join(', ')}`);
  const output = await codegen({
    filename: target.outputFile,
    schema: schemaDoc,
    schemaAst: buildASTSchema(schemaDoc),
    documents: docs, // validated against the schema by codegen()
    // No `typescript` plugin: since v6 typescript-operations stands alone, and both in one file
    // declare every enum twice (TS2300).
    plugins: [{ 'typescript-operations': {} }, { 'typed-document-node': {} }],
    pluginMap: { 'typescript-operations': typescriptOperationsPlugin, 'typed-document-node': typedDocumentNodePlugin },
    config: {
      scalars: target.scalars,
      strictScalars: true, // a new custom scalar fails the run instead of becoming `any`
      enumType: 'string-literal', // unions, no runtime enum objects
      useTypeImports: true, // @graphql-typed-document-node/core has types only
    },
  });
  const header = `/* eslint-disable */\n// Generated from ${target.schemaFile} and the *.graphql files under ${target.documentDirs.join(', ')}.\n// Do not edit: change a document and run \`npm run ${target.script}\`.\n`;
  return header + output.replace(/\r\n?/g, '\n').replace(/\s*$/, '\n');
}

/** `--check`: exit 1 when the output is missing or stale; otherwise rewrite it if it changed. */
export async function run(target: TypedDocumentsTarget, argv = process.argv): Promise<number> {
  const next = await generate(target);
  const path = join(REPO, target.outputFile);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
  if (argv.includes('--check')) {
    if (current === next) {
      console.log(`${target.outputFile} is up to date`);
      return 0;
    }
    console.error(`${target.outputFile} is ${current === null ? 'missing' : 'out of date'}: run npm run ${target.script}`);
    return 1;
  }
  if (current === next) console.log(`${target.outputFile} unchanged`);
  else {
    writeFileSync(path, next);
    console.log(`wrote ${target.outputFile}`);
  }
  return 0;
}

/** Runs `run` as a script's main: exit codes 0 (ok), 1 (stale), 2 (invalid document or other error). */
export function main(target: TypedDocumentsTarget): void {
  run(target).then(
    (code) => process.exit(code),
    (err: unknown) => {
      // GraphQLError's toString() shows file:line:column and the offending line.
      console.error(err instanceof GraphQLError ? err.toString() : err);
      process.exit(2);
    },
  );
}
