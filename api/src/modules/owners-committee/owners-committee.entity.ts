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

/** 业委会: a compound's owners' committee for a term; dissolvedOn closes it (history is kept). */
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

  @Field(() => Int, { nullable: true })
  @Column({ type: 'int', nullable: true })
  memberCount: number | null;

  @Field(() => Int, { nullable: true, description: 'Members who are party members (the documents ask ≥ 50%)' })
  @Column({ type: 'int', nullable: true })
  partyMemberCount: number | null;
}
