import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { Jurisdiction } from './jurisdiction.entity';
import { Owned } from '../../common/scope';

/** 物业服务企业, identified by its 统一社会信用代码 (GB 32100-2015). */
@ObjectType({ description: '物业服务企业: a property-management company' })
@Owned({ column: 'ownerJurisdictionId', reads: 'public', writes: 'issued', defaultsToViewer: true })
@Entity('property_company')
@Index('uq_property_company_uscc', ['uscc'], { unique: true })
export class PropertyCompany extends BaseRecord {
  @Field(() => ID, { nullable: true, description: 'The office that registered the company here and may edit it (every office reads it). Null: the platform' })
  @Column({ type: 'int', nullable: true })
  ownerJurisdictionId: number | null;

  @ManyToOne('Jurisdiction', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ownerJurisdictionId' })
  ownerJurisdictionRel?: object;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field({ description: '统一社会信用代码: 18 characters with a GB 32100-2015 check character' })
  @Column({ type: 'varchar', length: 18 })
  uscc: string;

  @Field(() => ID, { nullable: true, description: 'Where the company is registered (注册地)' })
  @Column({ type: 'int', nullable: true })
  jurisdictionId: number | null;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: Jurisdiction;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 300, nullable: true })
  address: string | null;
}
