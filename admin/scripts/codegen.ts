/**
 * The console's typed operations: every *.graphql document under admin/src (operations and
 * fragments, kept beside the screens that send them) is validated against the printed
 * schema/admin.graphql and typed into admin/src/graphql/generated.ts (see schema/typed-documents.ts).
 *
 *   npm run admin:codegen            # rewrite generated.ts if it changed
 *   npm run admin:codegen -- --check # exit 1 if stale, 2 if a document does not fit the schema
 *
 * `npm run typecheck` runs the check first: a misspelled field in any console operation fails it.
 */
import { main, type TypedDocumentsTarget } from '../../schema/typed-documents';

export const CONSOLE_DOCUMENTS: TypedDocumentsTarget = {
  schemaFile: 'schema/admin.graphql',
  documentDirs: ['admin/src'],
  outputFile: 'admin/src/graphql/generated.ts',
  script: 'admin:codegen',
  scalars: { LocalDate: 'string', DateTimeISO: 'string', SafeInt: 'number', JSON: 'unknown' },
};

if (require.main === module) main(CONSOLE_DOCUMENTS);
