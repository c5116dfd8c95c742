import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { LocalDate } from '../../common/scalars';
import { Owned } from '../../common/scope';
import { WorkflowStep } from '../../common/workflow/step.entity';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { Unit } from '../organization/unit.entity';
import { PracticalMatterCategory, PracticalMatterKind, PracticalMatterStatus } from './practical-matter.enums';

/**
 * 实事: a practical matter of a compound (003 §2's ten; 004 二(十)'s 微实事), with the unit that owns it
 * and its plan, from 立项 through 推进 to 销号, which needs evidence. Its stages are dated, signed steps.
 */
@ObjectType({ description: '实事 / 微实事: a practical matter of a compound, opened, worked on and closed (销号) with evidence' })
@Owned({ via: ['compoundId', () => Compound], reads: 'subtree', writes: 'fact' })
@Entity('practical_matter')
@Index('ix_practical_matter_compound', ['compoundId'])
@Index('ix_practical_matter_status', ['status'])
export class PracticalMatter extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  compoundId: number;

  @ManyToOne(() => Compound, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'compoundId' })
  compoundRel?: Compound;

  @Field(() => ID, { description: 'The compound’s community' })
  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'communityId' })
  communityRel?: Jurisdiction;

  @Field(() => PracticalMatterKind)
  @Column({ type: 'varchar', length: 16 })
  kind: PracticalMatterKind;

  @Field(() => PracticalMatterCategory)
  @Column({ type: 'varchar', length: 16 })
  category: PracticalMatterCategory;

  @Field({ description: 'What is to be done, in a line' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => String, { nullable: true, description: '办理计划: how and by when' })
  @Column({ type: 'text', nullable: true })
  plan: string | null;

  @Field(() => ID, { nullable: true, description: '责任单位' })
  @Column({ type: 'int', nullable: true })
  ownerUnitId: number | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ownerUnitId' })
  ownerUnitRel?: Unit;

  @Field(() => LocalDate, { nullable: true, description: 'To be done by' })
  @Column({ type: 'date', nullable: true })
  dueOn: string | null;

  @Field(() => String, { nullable: true, description: '销号佐证: what shows it done (recorded when closing; attachments besides)' })
  @Column({ type: 'text', nullable: true })
  evidence: string | null;

  @Field(() => PracticalMatterStatus)
  @Column({ type: 'varchar', length: 16 })
  status: PracticalMatterStatus;

  @Field(() => Int, { description: 'Bumped on every step' })
  @Column({ type: 'int', default: 1 })
  version: number;
}

@ObjectType({ description: 'A step of a practical matter: from, to, date, who and why' })
@Owned({ via: ['practicalMatterId', () => PracticalMatter], reads: 'subtree', writes: 'fact' })
@Entity('practical_matter_step')
@Index('ix_practical_matter_step_practical_matter', ['practicalMatterId'])
export class PracticalMatterStep extends WorkflowStep(PracticalMatterStatus, { name: 'PracticalMatterStep', length: 16, opened: 'Null for the opening itself' }) {
  @Field(() => ID)
  @Column({ type: 'int' })
  practicalMatterId: number;

  @ManyToOne(() => PracticalMatter, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'practicalMatterId' })
  practicalMatterRel?: PracticalMatter;
}
