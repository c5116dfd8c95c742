/**
 * Generates generated.ts (result and variable types plus TypedDocumentNode constants) from the
 * printed partner schema and operations/*.graphql (see schema/typed-documents.ts).
 *
 *   npm run partner-client:codegen   # rewrite generated.ts if it changed
 *   npm run partner-client:check     # exit 1 if generated.ts is missing or stale
 */
import { generate as generateFor, main, type TypedDocumentsTarget } from '../typed-documents';

export const PARTNER_CLIENT: TypedDocumentsTarget = {
  schemaFile: 'schema/partner.graphql',
  documentDirs: ['schema/partner-client/operations'],
  outputFile: 'schema/partner-client/generated.ts',
  script: 'partner-client:codegen',
  scalars: { LocalDate: 'string' }, // YYYY-MM-DD, as the API sends it
};

/** The text generated.ts should have. */
export const generate = () => generateFor(PARTNER_CLIENT);

if (require.main === module) main(PARTNER_CLIENT);
