import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { OwnedByParent } from '../../common/scope';
import { attachableParents, AttachmentTarget } from './attachable';

/**
 * 附件: a photo or scanned document attached to a record (a progress report, a disclosure, a complaint
 * or one of its steps). Its bytes are stored once by their SHA-256 (storage.ts); it is read by whoever
 * reads the record and added or removed by whoever may change it (common/scope.ts OwnedByParent).
 */
@ObjectType({ description: '附件: a photo or scanned document attached to a record; read by whoever reads the record, downloaded at `url` with the same bearer token' })
@OwnedByParent({ typeColumn: 'targetType', idColumn: 'targetId', parents: attachableParents })
@Entity('attachment')
@Index('ix_attachment_target', ['targetType', 'targetId'])
@Index('ix_attachment_hash', ['hash'])
export class Attachment extends BaseRecord {
  @Field(() => AttachmentTarget, { description: 'The kind of record it is attached to' })
  @Column({ type: 'varchar', length: 32 })
  targetType: string;

  @Field(() => ID, { description: 'The record it is attached to' })
  @Column({ type: 'int' })
  targetId: number;

  @Field({ description: 'The file’s name as uploaded' })
  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  @Field({ description: 'Its type, read from its content (image/jpeg, application/pdf…)' })
  @Column({ type: 'varchar', length: 100 })
  mimeType: string;

  @Field(() => Int, { description: 'Bytes' })
  @Column({ type: 'int' })
  size: number;

  @Field({ description: 'SHA-256 of the content (the same file uploaded twice is stored once)' })
  @Column({ type: 'varchar', length: 64 })
  hash: string;

  @Field(() => ID, { nullable: true, description: 'Who uploaded it' })
  @Column({ type: 'int', nullable: true })
  uploadedById: number | null;

  @Field({ description: 'Who uploaded it (username at the time)' })
  @Column({ type: 'varchar', length: 50 })
  uploadedByName: string;
}
