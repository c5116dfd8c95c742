import { ListSize } from '../../common/query-limits';
import { Authorized, type ClassType, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../../common/context';
import { createCrudResolver } from '../../common/crud.resolver';
import { EDITORS } from '../../common/roles';
import { Clause } from './clause.entity';
import { DocumentCitation } from './document-citation.entity';
import { citationsByCitedDocument, citationsByCitingDocument, clausesByDocument } from './policy.loaders';
import {
  ClauseFilter,
  CreateClauseArgs,
  CreateDocumentCitationArgs,
  CreatePolicyDocumentArgs,
  DocumentCitationFilter,
  PolicyDocumentFilter,
  UpdateClauseArgs,
  UpdateDocumentCitationArgs,
  UpdatePolicyDocumentArgs,
} from './policy.inputs';
import { PolicyDocument } from './policy-document.entity';
import type { SourcedRecord } from './sourced.entity';

@Resolver(() => PolicyDocument)
@Authorized()
export class PolicyDocumentResolver extends createCrudResolver({
  type: PolicyDocument,
  name: 'PolicyDocument',
  plural: 'PolicyDocuments',
  filter: PolicyDocumentFilter,
  createArgs: CreatePolicyDocumentArgs,
  updateArgs: UpdatePolicyDocumentArgs,
  service: (ctx) => ctx.services.policyDocument,
  writeRoles: EDITORS,
}) {
  @ListSize(100)
  @FieldResolver(() => [Clause], { description: 'The clauses, in document order' })
  clauses(@Root() doc: PolicyDocument, @Ctx() ctx: AppContext): Promise<Clause[]> {
    return clausesByDocument(ctx.loaders).load(doc.id);
  }

  @ListSize(20)
  @FieldResolver(() => [DocumentCitation], { description: 'Documents this one cites' })
  citations(@Root() doc: PolicyDocument, @Ctx() ctx: AppContext): Promise<DocumentCitation[]> {
    return citationsByCitingDocument(ctx.loaders).load(doc.id);
  }

  @ListSize(20)
  @FieldResolver(() => [DocumentCitation], { description: 'Stored documents that cite this one' })
  citedBy(@Root() doc: PolicyDocument, @Ctx() ctx: AppContext): Promise<DocumentCitation[]> {
    return citationsByCitedDocument(ctx.loaders).load(doc.id);
  }
}

@Resolver(() => Clause)
@Authorized()
export class ClauseResolver extends createCrudResolver({
  type: Clause,
  name: 'Clause',
  plural: 'Clauses',
  filter: ClauseFilter,
  createArgs: CreateClauseArgs,
  updateArgs: UpdateClauseArgs,
  service: (ctx) => ctx.services.clause,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => PolicyDocument)
  document(@Root() clause: Clause, @Ctx() ctx: AppContext): Promise<PolicyDocument | null> {
    return ctx.loaders.ref(PolicyDocument, clause.documentId);
  }
}

@Resolver(() => DocumentCitation)
@Authorized()
export class DocumentCitationResolver extends createCrudResolver({
  type: DocumentCitation,
  name: 'DocumentCitation',
  plural: 'DocumentCitations',
  filter: DocumentCitationFilter,
  createArgs: CreateDocumentCitationArgs,
  updateArgs: UpdateDocumentCitationArgs,
  service: (ctx) => ctx.services.documentCitation,
  writeRoles: EDITORS,
}) {
  @FieldResolver(() => PolicyDocument)
  citingDocument(@Root() c: DocumentCitation, @Ctx() ctx: AppContext): Promise<PolicyDocument | null> {
    return ctx.loaders.ref(PolicyDocument, c.citingDocumentId);
  }

  @FieldResolver(() => PolicyDocument, { nullable: true })
  citedDocument(@Root() c: DocumentCitation, @Ctx() ctx: AppContext): Promise<PolicyDocument | null> {
    return ctx.loaders.ref(PolicyDocument, c.citedDocumentId);
  }

  @FieldResolver(() => Clause, { nullable: true })
  clause(@Root() c: DocumentCitation, @Ctx() ctx: AppContext): Promise<Clause | null> {
    return ctx.loaders.ref(Clause, c.clauseId);
  }
}

/** `sourceDocument` and `sourceClause` on a type whose records cite where they were transcribed from. */
export function createSourceResolver(type: ClassType<SourcedRecord>) {
  @Resolver(() => type)
  @Authorized()
  class SourceResolver {
    @FieldResolver(() => PolicyDocument, { nullable: true, description: 'The document this record comes from' })
    sourceDocument(@Root() r: SourcedRecord, @Ctx() ctx: AppContext): Promise<PolicyDocument | null> {
      return ctx.loaders.ref(PolicyDocument, r.sourceDocumentId);
    }

    @FieldResolver(() => Clause, { nullable: true, description: 'The clause this record comes from' })
    sourceClause(@Root() r: SourcedRecord, @Ctx() ctx: AppContext): Promise<Clause | null> {
      return ctx.loaders.ref(Clause, r.sourceClauseId);
    }
  }
  Object.defineProperty(SourceResolver, 'name', { value: `${type.name}SourceResolver` });
  return SourceResolver;
}
