import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { Unit } from '../organization/unit.entity';
import { SourcedRecord } from '../policy/sourced.entity';
import { Owned } from '../../common/scope';

/** 职务: an official position, e.g. "宝盖镇党委副书记、镇长". Seats in working groups follow the post. */
@ObjectType({ description: '职务: an official position; a roster seat belongs to the post, not the person' })
@Owned({ column: 'jurisdictionId', reads: 'downward', writes: 'issued', defaultsToViewer: true })
@Entity('post')
@Index('uq_post_jurisdiction_title', ['jurisdictionId', 'title'], { unique: true })
export class Post extends SourcedRecord {
  @Field({ description: 'Title as printed, e.g. 宝盖镇党委副书记、镇长' })
  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Field(() => ID, { nullable: true, description: 'The jurisdiction whose post this is' })
  @Column({ type: 'int', nullable: true })
  jurisdictionId: number | null;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: Jurisdiction;

  @Field(() => ID, { nullable: true, description: 'The unit the post belongs to, where known' })
  @Column({ type: 'int', nullable: true })
  unitId: number | null;

  @ManyToOne(() => Unit, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'unitId' })
  unitRel?: Unit;
}
