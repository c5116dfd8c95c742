import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { LocalDate } from '../../common/scalars';
import { Owned } from '../../common/scope';
import { PropertyCompany } from '../organization/property-company.entity';

/**
 * “三有”物业服务企业: 004 二(一) sets 注册地在辖区内的“三有”物业服务企业党组织覆盖率 100% but none of the
 * documents says what the three 有 are, and a property company holds no attribute that would tell.
 * So the office records which companies it counts as 三有, from when, and on what basis (the criteria
 * its own notice applies), and the coverage is computed over those. Kept by the office that decides
 * it (党建办, 004 二(一) 牵头单位) and read by the levels below it.
 */
@ObjectType({ description: '“三有”物业服务企业: a company the office counts as 三有 (004 二(一)), from a day' })
@Owned({ column: 'jurisdictionId', reads: 'downward', writes: 'issued', defaultsToViewer: true })
@Entity('three_have_designation')
@Index('ix_three_have_designation_company', ['propertyCompanyId', 'designatedOn'])
export class ThreeHaveDesignation extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  propertyCompanyId: number;

  @ManyToOne(() => PropertyCompany, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'propertyCompanyId' })
  propertyCompanyRel?: PropertyCompany;

  @Field(() => ID, { description: 'The office that counts the company as 三有 (default: the recording user’s)' })
  @Column({ type: 'int' })
  jurisdictionId: number;

  @ManyToOne('Jurisdiction', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: object;

  @Field(() => LocalDate, { description: 'Counted as 三有 from' })
  @Column({ type: 'date' })
  designatedOn: string;

  @Field(() => LocalDate, { nullable: true, description: 'No longer counted from the day after' })
  @Column({ type: 'date', nullable: true })
  endedOn: string | null;

  @Field(() => String, { nullable: true, description: 'On what basis (the criteria of the office’s own notice)' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  basis: string | null;
}
