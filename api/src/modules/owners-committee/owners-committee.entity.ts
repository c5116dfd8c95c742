import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { LocalDate } from '../../common/scalars';
import { Compound } from '../organization/compound.entity';
import { Owned } from '../../common/scope';

/** 业主委员会 (elected) or 临时物业管理委员会 (provisional). */
export enum CommitteeKind {
  ELECTED = 'ELECTED',
  PROVISIONAL = 'PROVISIONAL',
}
registerEnumType(CommitteeKind, { name: 'CommitteeKind', description: '业主委员会 / 临时物业管理委员会' });

/**
 * 业委会: a compound's owners' committee (or 临时物业管理委员会) for a term: formed, filed (备案),
 * due for re-election when the term ends, closed by dissolvedOn (history is kept). Its members,
 * half-yearly surveys and yearly report meetings hang off it (committee-*.entity.ts).
 */
@ObjectType({ description: '业主委员会 / 临时物业管理委员会 of a compound' })
@Owned({ via: ['compoundId', () => Compound], reads: 'subtree', writes: 'fact' })
@Entity('owners_committee')
@Index('ix_owners_committee_compound', ['compoundId', 'formedOn'])
export class OwnersCommittee extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  compoundId: number;

  @ManyToOne(() => Compound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'compoundId' })
  compoundRel?: Compound;

  @Field(() => CommitteeKind)
  @Column({ type: 'varchar', length: 16 })
  kind: CommitteeKind;

  @Field(() => LocalDate, { description: 'Formed (or re-elected) on' })
  @Column({ type: 'date' })
  formedOn: string;

  @Field(() => LocalDate, { nullable: true, description: 'Term ended / dissolved on (inclusive); null = in office' })
  @Column({ type: 'date', nullable: true })
  dissolvedOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: '任期届满: the term ends on (inclusive); re-election is due from that day' })
  @Column({ type: 'date', nullable: true })
  termEndsOn: string | null;

  @Field(() => LocalDate, { nullable: true, description: '备案: filed with the town or street on' })
  @Column({ type: 'date', nullable: true })
  filedOn: string | null;

  @Field(() => Int, { nullable: true, description: 'Members; kept from the member list once members are recorded' })
  @Column({ type: 'int', nullable: true })
  memberCount: number | null;

  @Field(() => Int, { nullable: true, description: 'Members who are party members (the documents ask ≥ 50%); kept from the member list once members are recorded' })
  @Column({ type: 'int', nullable: true })
  partyMemberCount: number | null;
}
