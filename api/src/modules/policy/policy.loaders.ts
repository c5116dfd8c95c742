import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { groupBy, type Loaders } from '../../common/loaders';
import { Clause } from './clause.entity';
import { DocumentCitation } from './document-citation.entity';

export const clausesByDocument = (l: Loaders) =>
  l.named('clausesByDocument', (ds) =>
    new DataLoader<number, Clause[]>(async (ids) =>
      groupBy(ids, await ds.getRepository(Clause).find({ where: { documentId: In([...ids]) }, order: { sortOrder: 'ASC', id: 'ASC' } }), (c) => c.documentId),
    ),
  );

export const citationsByCitingDocument = (l: Loaders) =>
  l.named('citationsByCitingDocument', (ds) =>
    new DataLoader<number, DocumentCitation[]>(async (ids) =>
      groupBy(
        ids,
        await ds.getRepository(DocumentCitation).find({ where: { citingDocumentId: In([...ids]) }, order: { sortOrder: 'ASC', id: 'ASC' } }),
        (c) => c.citingDocumentId,
      ),
    ),
  );

export const citationsByCitedDocument = (l: Loaders) =>
  l.named('citationsByCitedDocument', (ds) =>
    new DataLoader<number, DocumentCitation[]>(async (ids) =>
      groupBy(ids, await ds.getRepository(DocumentCitation).find({ where: { citedDocumentId: In([...ids]) }, order: { id: 'ASC' } }), (c) => c.citedDocumentId as number),
    ),
  );
