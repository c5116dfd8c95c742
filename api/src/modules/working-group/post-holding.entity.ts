import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { LocalDate } from '../../common/scalars';
import { SourcedRecord } from '../policy/sourced.entity';
import { Person } from './person.entity';
import { Post } from './post.entity';
import { Owned } from '../../common/scope';

/** 任职: a person holding a post from one date to another (inclusive); validTo null = still holds it. */
@ObjectType({ description: '任职: who held a post, and when' })
@Owned({ via: ['postId', () => Post], reads: 'subtree', writes: 'issued' })
@Entity('post_holding')
@Index('ix_post_holding_post', ['postId', 'validFrom'])
@Index('ix_post_holding_person', ['personId'])
export class PostHolding extends SourcedRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  postId: number;

  @ManyToOne(() => Post, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'postId' })
  postRel?: Post;

  @Field(() => ID)
  @Column({ type: 'int' })
  personId: number;

  @ManyToOne(() => Person, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'personId' })
  personRel?: Person;

  @Field(() => LocalDate)
  @Column({ type: 'date' })
  validFrom: string;

  @Field(() => LocalDate, { nullable: true, description: 'Last day held (inclusive); null = holds it now' })
  @Column({ type: 'date', nullable: true })
  validTo: string | null;
}
