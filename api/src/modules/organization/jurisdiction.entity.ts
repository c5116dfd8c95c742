import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SourcedRecord } from '../policy/sourced.entity';
import { JurisdictionLevel } from './enums';
import { Owned } from '../../common/scope';

/** 行政区划: 市 > 县级市·区 > 街道·镇 > 社区·村. */
@ObjectType({ description: '行政区划: a city, county, township or community' })
@Owned({ column: 'parentId', reads: 'public', writes: 'issued' })
@Entity('jurisdiction')
@Index('uq_jurisdiction_code', ['code'], { unique: true })
@Index('uq_jurisdiction_parent_name', ['parentId', 'name'], { unique: true })
export class Jurisdiction extends SourcedRecord {
  @Field({ description: 'Name as printed, e.g. 青阳街道, 阳光社区, 杆头村' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => JurisdictionLevel)
  @Column({ type: 'varchar', length: 16 })
  level: JurisdictionLevel;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  parentId: number | null;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parentId' })
  parentRel?: Jurisdiction;

  @Field(() => String, { nullable: true, description: 'GB/T 2260 code where one exists (市/县 level), e.g. 350582' })
  @Column({ type: 'varchar', length: 12, nullable: true })
  code: string | null;
}
