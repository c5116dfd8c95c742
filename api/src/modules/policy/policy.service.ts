import type { EntityManager } from 'typeorm';
import { CrudService, notBefore } from '../../common/crud.service';
import { badInput } from '../../common/errors';
import { Clause } from './clause.entity';
import type { DocumentCitation } from './document-citation.entity';
import type { ClauseFilter, DocumentCitationFilter, PolicyDocumentFilter } from './policy.inputs';
import type { PolicyDocument } from './policy-document.entity';

/** 文件: documents, with a validity period that must not end before it starts. */
export class PolicyDocumentService extends CrudService<PolicyDocument, PolicyDocumentFilter> {
  protected async validate(_em: EntityManager, next: PolicyDocument): Promise<void> {
    if (!notBefore(next.validTo, next.validFrom)) throw badInput('validTo', 'validTo cannot be before validFrom', 'END_BEFORE_START');
  }
}

/** 条款: numbered passages of a document. */
export class ClauseService extends CrudService<Clause, ClauseFilter> {}

/** 引用: citations between documents; a citation's clause must belong to the citing document. */
export class DocumentCitationService extends CrudService<DocumentCitation, DocumentCitationFilter> {
  protected async validate(em: EntityManager, next: DocumentCitation): Promise<void> {
    if (next.citedDocumentId != null && next.citedDocumentId === next.citingDocumentId) {
      throw badInput('citedDocumentId', 'A document cannot cite itself', 'SELF_REFERENCE');
    }
    if (next.clauseId != null) {
      const clause = await em.findOneBy(Clause, { id: next.clauseId });
      if (clause && clause.documentId !== next.citingDocumentId) {
        throw badInput('clauseId', 'The clause must belong to the citing document', 'BELONGS_ELSEWHERE');
      }
    }
  }
}
