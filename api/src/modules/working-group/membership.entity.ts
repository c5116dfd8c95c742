import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { LocalDate } from '../../common/scalars';
import { SourcedRecord } from '../policy/sourced.entity';
import { GroupRole } from './enums';
import { Person } from './person.entity';
import { Post } from './post.entity';
import { WorkingGroup } from './working-group.entity';
import { Owned } from '../../common/scope';

/** 成员: a seat in a working group: role, published order, the post it belongs to, valid from / to (inclusive). */
@ObjectType({ description: 'A seat in a working group held by a person for a period' })
@Owned({ via: ['groupId', () => WorkingGroup], reads: 'subtree', writes: 'issued' })
@Entity('membership')
@Index('ix_membership_group', ['groupId', 'role', 'sortOrder'])
@Index('ix_membership_person', ['personId'])
@Index('ix_membership_post', ['postId'])
export class Membership extends SourcedRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  groupId: number;

  @ManyToOne(() => WorkingGroup, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'groupId' })
  groupRel?: WorkingGroup;

  @Field(() => ID)
  @Column({ type: 'int' })
  personId: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'personId' })
  personRel?: Person;

  @Field(() => GroupRole)
  @Column({ type: 'varchar', length: 24 })
  role: GroupRole;

  @Field(() => Int, { description: 'Published order within the role (1 = printed first)' })
  @Column({ type: 'int' })
  sortOrder: number;

  @Field(() => ID, { nullable: true, description: 'The post the seat belongs to; on succession the seat follows the post' })
  @Column({ type: 'int', nullable: true })
  postId: number | null;

  @ManyToOne(() => Post, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'postId' })
  postRel?: Post;

  @Field({ description: '(兼): the seat is held concurrently with another seat' })
  @Column({ type: 'boolean', default: false })
  concurrent: boolean;

  @Field(() => LocalDate)
  @Column({ type: 'date' })
  validFrom: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day of the seat (inclusive); null = current' })
  @Column({ type: 'date', nullable: true })
  validTo: string | null;
}
