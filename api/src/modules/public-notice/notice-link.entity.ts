import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { LocalDate } from '../../common/scalars';
import { Owned } from '../../common/scope';
import { Jurisdiction } from '../organization/jurisdiction.entity';

export enum NoticeKind {
  COMMITTEE_BOARD = 'COMMITTEE_BOARD',
  PUBLICATION_EDITION = 'PUBLICATION_EDITION',
}
registerEnumType(NoticeKind, {
  name: 'NoticeKind',
  description: 'What a public notice shows',
  valuesConfig: {
    COMMITTEE_BOARD: { description: '业委会成员公示 (001 二.5): a compound’s committee members, as posted in the compound' },
    PUBLICATION_EDITION: { description: '红黑榜公布 (002 二.3): a published edition of a period’s ratings' },
  },
});

/**
 * 公示链接: an unguessable link an office shares, opening a printable notice without signing in. Only a
 * hash of the token is kept (a copy of the database gives no link); the link works until revoked.
 */
@ObjectType({ description: '公示链接: a link that opens a printable public notice without signing in (the token itself is shown once, when made)' })
@Owned({ column: 'jurisdictionId', reads: 'subtree', writes: 'fact' })
@Entity('notice_link')
@Index('uq_notice_link_token', ['tokenHash'], { unique: true })
@Index('ix_notice_link_target', ['kind', 'targetId'])
export class NoticeLink extends BaseRecord {
  @Field(() => NoticeKind)
  @Column({ type: 'varchar', length: 24 })
  kind: NoticeKind;

  @Field(() => ID, { description: 'The compound (committee board) or the published edition (RatingPublication)' })
  @Column({ type: 'int' })
  targetId: number;

  @Field(() => ID, { description: 'The office the notice belongs to: the compound’s community, or the edition’s publisher' })
  @Column({ type: 'int' })
  jurisdictionId: number;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: Jurisdiction;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Field({ description: 'Who made the link (username at the time)' })
  @Column({ type: 'varchar', length: 50 })
  createdByName: string;

  @Field(() => LocalDate, { nullable: true, description: 'Revoked on: the link no longer opens' })
  @Column({ type: 'date', nullable: true })
  revokedOn: string | null;
}
