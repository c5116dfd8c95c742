import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { Clause } from './clause.entity';
import { DocumentCitation } from './document-citation.entity';
import { PolicyDocument } from './policy-document.entity';
import { ClauseResolver, DocumentCitationResolver, PolicyDocumentResolver } from './policy.resolver';
import { ClauseService, DocumentCitationService, PolicyDocumentService } from './policy.service';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit }: ModuleKit) => ({
  policyDocument: new PolicyDocumentService(ds, tx, audit, { entity: PolicyDocument, typeName: 'PolicyDocument', searchColumns: ['title', 'docNumber', 'indexNumber', 'issuer'] }),
  clause: new ClauseService(ds, tx, audit, {
    entity: Clause,
    typeName: 'Clause',
    searchColumns: ['number', 'title', 'text'],
    defaultSort: [
      ['documentId', 'ASC'],
      ['sortOrder', 'ASC'],
    ],
  }),
  documentCitation: new DocumentCitationService(ds, tx, audit, { entity: DocumentCitation, typeName: 'DocumentCitation', searchColumns: ['citedTitle', 'citedDocNumber'] }),
});

/** 政策文件: documents, their clauses as printed, and what they cite. */
export const policyModule: ApiModule = {
  name: 'policy',
  entities: [PolicyDocument, Clause, DocumentCitation],
  services,
  resolvers: [PolicyDocumentResolver, ClauseResolver, DocumentCitationResolver],
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}
