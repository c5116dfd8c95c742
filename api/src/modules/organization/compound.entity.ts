import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { ManagementMode } from './enums';
import { Jurisdiction } from './jurisdiction.entity';
import { PropertyCompany } from './property-company.entity';
import { Owned } from '../../common/scope';

/** 住宅小区: a residential compound inside a community, served by a property company or none (无物业). */
@ObjectType({ description: '住宅小区: a residential compound' })
@Owned({ column: 'communityId', reads: 'subtree', writes: 'fact' })
@Entity('compound')
@Index('uq_compound_community_name', ['communityId', 'name'], { unique: true })
export class Compound extends BaseRecord {
  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => ID, { description: 'The community (社区·村) the compound lies in' })
  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'communityId' })
  communityRel?: Jurisdiction;

  @Field(() => ID, { nullable: true, description: 'The property company serving it; null when there is none' })
  @Column({ type: 'int', nullable: true })
  propertyCompanyId: number | null;

  @ManyToOne(() => PropertyCompany, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'propertyCompanyId' })
  propertyCompanyRel?: PropertyCompany;

  @Field(() => ManagementMode)
  @Column({ type: 'varchar', length: 24 })
  managementMode: ManagementMode;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;
}
