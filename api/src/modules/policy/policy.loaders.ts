import { childrenOf, type Loaders } from '../../common/loaders';
import { Clause } from './clause.entity';
import { DocumentCitation } from './document-citation.entity';

const inOrder = { sortOrder: 'ASC', id: 'ASC' } as const;

export const clausesByDocument = (l: Loaders) => childrenOf(l, Clause, 'documentId', inOrder);
export const citationsByCitingDocument = (l: Loaders) => childrenOf(l, DocumentCitation, 'citingDocumentId', inOrder);
export const citationsByCitedDocument = (l: Loaders) => childrenOf(l, DocumentCitation, 'citedDocumentId');
