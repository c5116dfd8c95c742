import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { LocalDate } from '../../common/scalars';
import { Owned } from '../../common/scope';
import { Compound } from '../organization/compound.entity';
import { ManagementMode } from '../organization/enums';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PropertyCompany } from '../organization/property-company.entity';

/**
 * 物业服务覆盖 (000 附件 四(一), 001 四(四)1, 003 5): how a compound's property service was provided over a
 * period — a professional company, a state-owned one, the owners themselves, the community as fallback,
 * or none (无物业) — and since when. Periods of one compound do not overlap; the one serving today is the
 * compound's managementMode.
 */
@ObjectType({ description: '物业服务覆盖: how a compound was served over a period, and since when' })
@Owned({ via: ['compoundId', () => Compound], reads: 'subtree', writes: 'fact' })
@Entity('service_coverage')
@Index('ix_service_coverage_compound', ['compoundId', 'since'])
export class ServiceCoverage extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  compoundId: number;

  @ManyToOne(() => Compound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'compoundId' })
  compoundRel?: Compound;

  @Field(() => ID)
  @Column({ type: 'int' })
  communityId: number;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'communityId' })
  communityRel?: Jurisdiction;

  @Field(() => ManagementMode)
  @Column({ type: 'varchar', length: 24 })
  mode: ManagementMode;

  @Field(() => ID, { nullable: true, description: 'The company, for a professional or state-owned service' })
  @Column({ type: 'int', nullable: true })
  propertyCompanyId: number | null;

  @ManyToOne(() => PropertyCompany, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'propertyCompanyId' })
  propertyCompanyRel?: PropertyCompany;

  @Field(() => LocalDate, { nullable: true, description: 'Since (null: before the platform’s records began)' })
  @Column({ type: 'date', nullable: true })
  since: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Until (inclusive); null: still so' })
  @Column({ type: 'date', nullable: true })
  until: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;
}
