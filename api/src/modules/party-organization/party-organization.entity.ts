import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { LocalDate } from '../../common/scalars';
import { Compound } from '../organization/compound.entity';
import { Owned } from '../../common/scope';

/** 党组织形式: 建制式 / 功能型 / 兼合式 / 联合 */
export enum PartyOrganizationForm {
  ESTABLISHED = 'ESTABLISHED',
  FUNCTIONAL = 'FUNCTIONAL',
  CONCURRENT = 'CONCURRENT',
  JOINT = 'JOINT',
}
registerEnumType(PartyOrganizationForm, { name: 'PartyOrganizationForm', description: '建制式 / 功能型 / 兼合式 / 联合' });

/** 小区党组织: a party organisation set up in a compound. */
@ObjectType({ description: '党组织 of a compound' })
@Owned({ via: ['compoundId', () => Compound], reads: 'subtree', writes: 'fact' })
@Entity('party_organization')
@Index('ix_party_organization_compound', ['compoundId', 'formedOn'])
export class PartyOrganization extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  compoundId: number;

  @ManyToOne(() => Compound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'compoundId' })
  compoundRel?: Compound;

  @Field(() => PartyOrganizationForm)
  @Column({ type: 'varchar', length: 16 })
  form: PartyOrganizationForm;

  @Field({ description: 'Name as registered' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => LocalDate)
  @Column({ type: 'date' })
  formedOn: string;

  @Field(() => LocalDate, { nullable: true })
  @Column({ type: 'date', nullable: true })
  dissolvedOn: string | null;
}
