import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { SourcedRecord } from '../policy/sourced.entity';
import { UnitKind } from './enums';
import { Jurisdiction } from './jurisdiction.entity';
import { Owned } from '../../common/scope';

/** 责任单位: a government office, station, centre or community committee, inside one jurisdiction. */
@ObjectType({ description: '责任单位: an office, station or community committee that can be responsible for work' })
@Owned({ column: 'jurisdictionId', reads: 'downward', writes: 'issued', defaultsToViewer: true })
@Entity('unit')
@Index('uq_unit_jurisdiction_name', ['jurisdictionId', 'name'], { unique: true })
export class Unit extends SourcedRecord {
  @Field({ description: 'Name as printed, e.g. 社区发展办, 青阳派出所' })
  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Field(() => UnitKind)
  @Column({ type: 'varchar', length: 16 })
  kind: UnitKind;

  @Field(() => ID, { description: 'The jurisdiction the unit belongs to (for a community committee: the community itself)' })
  @Column({ type: 'int' })
  jurisdictionId: number;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: Jurisdiction;

  @Field(() => [String], { description: 'Other spellings the documents use, e.g. 派出所 for 青阳派出所' })
  @Column({ type: 'simple-json' })
  aliases: string[];
}
