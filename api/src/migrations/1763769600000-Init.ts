import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, createdAt, date, fk, id, index, int, sourceColumns, sourceForeignKeys, text, timestamps, varchar } from './columns';

/** The foundation schema: documents, organisations, rosters, users, audit trail, seed bookkeeping. */
export class Init1763769600000 implements MigrationInterface {
  name = 'Init1763769600000';

  async up(qr: QueryRunner): Promise<void> {
    const create = (t: ConstructorParameters<typeof Table>[0]) => qr.createTable(new Table(t), false, true, true);

    await create({
      name: 'policy_document',
      columns: [
        id(),
        ...timestamps(qr),
        varchar('docNumber', 100, { nullable: true }),
        varchar('indexNumber', 100, { nullable: true }),
        varchar('issuer', 200),
        varchar('title', 500),
        date('issueDate', { nullable: true }),
        date('validFrom', { nullable: true }),
        date('validTo', { nullable: true }),
        bool('isPublic', true),
        varchar('note', 500, { nullable: true }),
      ],
      indices: [index('uq_policy_document_doc_number', ['docNumber'], true)],
    });
    await create({
      name: 'clause',
      columns: [id(), ...timestamps(qr), int('documentId'), varchar('number', 50), varchar('title', 500, { nullable: true }), text('text'), int('sortOrder', { default: 0 })],
      indices: [index('uq_clause_document_number', ['documentId', 'number'], true)],
      foreignKeys: [fk('documentId', 'policy_document', 'CASCADE')],
    });
    await create({
      name: 'document_citation',
      columns: [
        id(),
        ...timestamps(qr),
        int('citingDocumentId'),
        int('citedDocumentId', { nullable: true }),
        varchar('citedTitle', 500),
        varchar('citedDocNumber', 100, { nullable: true }),
        int('clauseId', { nullable: true }),
        int('sortOrder', { default: 0 }),
      ],
      foreignKeys: [fk('citingDocumentId', 'policy_document', 'CASCADE'), fk('citedDocumentId', 'policy_document', 'SET NULL'), fk('clauseId', 'clause', 'SET NULL')],
    });
    await create({
      name: 'jurisdiction',
      columns: [id(), ...timestamps(qr), ...sourceColumns(), varchar('name', 100), varchar('level', 16), int('parentId', { nullable: true }), varchar('code', 12, { nullable: true })],
      indices: [index('uq_jurisdiction_code', ['code'], true), index('uq_jurisdiction_parent_name', ['parentId', 'name'], true)],
      foreignKeys: [...sourceForeignKeys(), fk('parentId', 'jurisdiction')],
    });
    await create({
      name: 'unit',
      columns: [id(), ...timestamps(qr), ...sourceColumns(), varchar('name', 100), varchar('kind', 16), int('jurisdictionId'), text('aliases')],
      indices: [index('uq_unit_jurisdiction_name', ['jurisdictionId', 'name'], true)],
      foreignKeys: [...sourceForeignKeys(), fk('jurisdictionId', 'jurisdiction')],
    });
    await create({
      name: 'property_company',
      columns: [id(), ...timestamps(qr), varchar('name', 200), varchar('uscc', 18), int('jurisdictionId', { nullable: true }), varchar('address', 300, { nullable: true })],
      indices: [index('uq_property_company_uscc', ['uscc'], true)],
      foreignKeys: [fk('jurisdictionId', 'jurisdiction')],
    });
    await create({
      name: 'compound',
      columns: [
        id(),
        ...timestamps(qr),
        varchar('name', 200),
        int('communityId'),
        int('propertyCompanyId', { nullable: true }),
        varchar('managementMode', 24),
        varchar('address', 300, { nullable: true }),
      ],
      indices: [index('uq_compound_community_name', ['communityId', 'name'], true)],
      foreignKeys: [fk('communityId', 'jurisdiction'), fk('propertyCompanyId', 'property_company')],
    });
    await create({
      name: 'person',
      columns: [id(), ...timestamps(qr), ...sourceColumns(), varchar('name', 50), varchar('phone', 30, { nullable: true }), varchar('note', 200, { nullable: true })],
      indices: [index('ix_person_name', ['name'])],
      foreignKeys: sourceForeignKeys(),
    });
    await create({
      name: 'post',
      columns: [id(), ...timestamps(qr), ...sourceColumns(), varchar('title', 200), int('jurisdictionId', { nullable: true }), int('unitId', { nullable: true })],
      indices: [index('uq_post_jurisdiction_title', ['jurisdictionId', 'title'], true)],
      foreignKeys: [...sourceForeignKeys(), fk('jurisdictionId', 'jurisdiction'), fk('unitId', 'unit', 'SET NULL')],
    });
    await create({
      name: 'post_holding',
      columns: [id(), ...timestamps(qr), ...sourceColumns(), int('postId'), int('personId'), date('validFrom'), date('validTo', { nullable: true })],
      indices: [index('ix_post_holding_post', ['postId', 'validFrom']), index('ix_post_holding_person', ['personId'])],
      foreignKeys: [...sourceForeignKeys(), fk('postId', 'post', 'CASCADE'), fk('personId', 'person')],
    });
    await create({
      name: 'working_group',
      columns: [
        id(),
        ...timestamps(qr),
        ...sourceColumns(),
        varchar('name', 200),
        varchar('kind', 16),
        int('documentId', { nullable: true }),
        int('parentId', { nullable: true }),
        int('hostUnitId', { nullable: true }),
        varchar('hostedAt', 200, { nullable: true }),
        text('duties', { nullable: true }),
      ],
      foreignKeys: [...sourceForeignKeys(), fk('documentId', 'policy_document', 'SET NULL'), fk('parentId', 'working_group'), fk('hostUnitId', 'unit', 'SET NULL')],
    });
    await create({
      name: 'membership',
      columns: [
        id(),
        ...timestamps(qr),
        ...sourceColumns(),
        int('groupId'),
        int('personId'),
        varchar('role', 24),
        int('sortOrder'),
        int('postId', { nullable: true }),
        bool('concurrent', false),
        date('validFrom'),
        date('validTo', { nullable: true }),
      ],
      indices: [index('ix_membership_group', ['groupId', 'role', 'sortOrder']), index('ix_membership_person', ['personId']), index('ix_membership_post', ['postId'])],
      foreignKeys: [...sourceForeignKeys(), fk('groupId', 'working_group', 'CASCADE'), fk('personId', 'person'), fk('postId', 'post', 'SET NULL')],
    });
    await create({
      name: 'app_user',
      columns: [
        id(),
        ...timestamps(qr),
        varchar('username', 50),
        varchar('displayName', 100),
        varchar('passwordHash', 255),
        varchar('role', 16),
        int('unitId', { nullable: true }),
        bool('active', true),
      ],
      indices: [index('uq_app_user_username', ['username'], true)],
      foreignKeys: [fk('unitId', 'unit')],
    });
    await create({
      name: 'audit_event',
      columns: [
        id(),
        createdAt(qr, 'at'),
        int('actorId', { nullable: true }),
        varchar('actorName', 50),
        varchar('action', 32),
        varchar('entityType', 50),
        varchar('entityId', 50),
        text('beforeJson', { nullable: true }),
        text('afterJson', { nullable: true }),
        varchar('requestId', 64, { nullable: true }),
      ],
      indices: [index('ix_audit_event_entity', ['entityType', 'entityId']), index('ix_audit_event_actor', ['actorId']), index('ix_audit_event_at', ['at'])],
    });
    await create({
      name: 'seed_record',
      columns: [{ ...varchar('key', 191), isPrimary: true }, varchar('entityType', 50), int('entityId'), createdAt(qr, 'appliedAt')],
    });
  }

  async down(qr: QueryRunner): Promise<void> {
    for (const t of [
      'seed_record',
      'audit_event',
      'app_user',
      'membership',
      'working_group',
      'post_holding',
      'post',
      'person',
      'compound',
      'property_company',
      'unit',
      'jurisdiction',
      'document_citation',
      'clause',
      'policy_document',
    ]) {
      await qr.dropTable(t, true, true, true);
    }
  }
}
