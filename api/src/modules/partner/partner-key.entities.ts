import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { Owned } from '../../common/scope';

/**
 * 数据共享密钥: an API key a partner system (bidding platform, credit system) sends in X-Api-Key.
 * Only its SHA-256 is stored; the key itself is shown once, when it is issued. Keys are revoked,
 * never deleted, so the access log keeps naming them.
 */
@ObjectType({ description: 'A partner API key (the key itself is shown once, at issue; only its hash is kept)' })
@Owned({ column: 'jurisdictionId', reads: 'subtree', writes: 'issued', defaultsToViewer: true })
@Entity('partner_key')
@Index('uq_partner_key_hash', ['secretHash'], { unique: true })
@Index('uq_partner_key_prefix', ['prefix'], { unique: true })
export class PartnerKey extends BaseRecord {
  @Field(() => ID, { nullable: true, description: 'The office that issued the key: it reads editions published within that office’s area. Null: the whole platform' })
  @Column({ type: 'int', nullable: true })
  jurisdictionId: number | null;

  @ManyToOne('Jurisdiction', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: object;

  @Field({ description: 'The partner (organisation and system) the key was issued to' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: 'The key’s first characters, to recognise it (e.g. wyk_3f9a1c2e)' })
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  @Column({ type: 'varchar', length: 64 })
  secretHash: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Field({ description: 'Who issued it (username at the time)' })
  @Column({ type: 'varchar', length: 50 })
  issuedByName: string;

  @Field(() => Date, { nullable: true, description: 'Set when revoked: from then on the key gets UNAUTHENTICATED' })
  @Column({ type: 'datetime', nullable: true })
  revokedAt: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 50, nullable: true })
  revokedByName: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  revokeReason: string | null;

  @Field({ description: 'Not revoked' })
  get active(): boolean {
    return this.revokedAt === null;
  }
}

/**
 * 数据共享访问记录: one request to the partner API, for the office's data-sharing audit: which key,
 * which queries, when (createdAt), which companies it looked up, and how it ended.
 */
@ObjectType({ description: 'One partner API request: key, queries, time, companies looked up, outcome' })
@Owned({ via: ['keyId', () => PartnerKey], reads: 'subtree', writes: 'system' })
@Entity('partner_access')
@Index('ix_partner_access_key', ['keyId', 'createdAt'])
@Index('ix_partner_access_at', ['createdAt'])
export class PartnerAccess extends BaseRecord {
  @Field(() => ID, { nullable: true, description: 'Null when the key sent was not one ever issued' })
  @Column({ type: 'int', nullable: true })
  keyId: number | null;

  @ManyToOne(() => PartnerKey, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'keyId' })
  keyRel?: PartnerKey;

  @Field(() => String, { nullable: true, description: 'The operation name the partner gave, if any' })
  @Column({ type: 'varchar', length: 100, nullable: true })
  operationName: string | null;

  @Field({ description: 'The top-level queries asked, e.g. "companyStanding"' })
  @Column({ type: 'varchar', length: 500 })
  queries: string;

  /** JSON array of 统一社会信用代码. */
  @Column({ type: 'text' })
  companiesJson: string;

  @Field({ description: 'OK, or the error code returned (UNAUTHENTICATED, BAD_USER_INPUT …)' })
  @Column({ type: 'varchar', length: 40 })
  outcome: string;

  @Field({ description: 'The request id (X-Request-Id), to match server logs' })
  @Column({ type: 'varchar', length: 64 })
  requestId: string;

  @Field(() => [String], { description: '统一社会信用代码 of the companies the request looked up or received' })
  get companies(): string[] {
    return JSON.parse(this.companiesJson) as string[];
  }
}
