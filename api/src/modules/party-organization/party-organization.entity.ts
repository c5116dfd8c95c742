import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { LocalDate } from '../../common/scalars';
import { Owned } from '../../common/scope';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PropertyCompany } from '../organization/property-company.entity';

/**
 * 组建形式, as the documents name them: 单建 (单独组建 / 建制式: its own organisation, which takes ≥ 3
 * formal members, 002 一.2; 004 二(一) 建制式、单独组建), 联建 (联合组建 / 联建党支部 with other units,
 * 002 一.2; 004 二(一)), 兼合式 (001 四(一)2; 000 附件 二(一)(二)), 功能型 (有党员但暂不具备组建条件,
 * 002 一.2; 004 二(一)), 临时 (临时党支部, 002 一.2).
 * Before issue 15 the values were ESTABLISHED (建制式, now SINGLE), JOINT, CONCURRENT, FUNCTIONAL.
 */
export enum PartyOrganizationForm {
  SINGLE = 'SINGLE',
  JOINT = 'JOINT',
  CONCURRENT = 'CONCURRENT',
  FUNCTIONAL = 'FUNCTIONAL',
  PROVISIONAL = 'PROVISIONAL',
}
registerEnumType(PartyOrganizationForm, {
  name: 'PartyOrganizationForm',
  description: '组建形式: 单建 / 联建 / 兼合式 / 功能型 / 临时',
  valuesConfig: {
    SINGLE: { description: '单建 (单独组建, 建制式): needs 3 or more formal party members (002 一.2)' },
    JOINT: { description: '联建 (联合组建)' },
    CONCURRENT: { description: '兼合式' },
    FUNCTIONAL: { description: '功能型: for units with party members not (yet) able to form their own (002 一.2)' },
    PROVISIONAL: { description: '临时 (临时党支部)' },
  },
});

/**
 * 党组织: a party organisation of a residential compound (小区党组织) or of a property company (物业服务
 * 企业党组织), exactly one of the two (002 一.2, 000 附件 二(一), 004 二(一)).
 *
 * Its owner (scope, common/scope.ts) is `jurisdictionId`, the jurisdiction whose party organisation it
 * comes under (隶属): for a compound's organisation always the compound's community (so the community's
 * staff keep it, as they keep the compound's other facts); for a company's, the office that records it
 * unless it names another it may write in: 002 二.1 says a company's party organisation 一般隶属于所在
 * 街道（乡镇）或社区党组织 (a cross-area company's: 注册地 or 主要项目所在地). A root user recording one
 * without naming it puts it under the company's 注册地.
 */
@ObjectType({ description: '党组织 of a compound or of a property company' })
@Owned({ column: 'jurisdictionId', reads: 'subtree', writes: 'fact' })
@Entity('party_organization')
@Index('ix_party_organization_compound', ['compoundId', 'formedOn'])
@Index('ix_party_organization_company', ['propertyCompanyId', 'formedOn'])
export class PartyOrganization extends BaseRecord {
  @Field(() => ID, { nullable: true, description: 'The compound (小区党组织); null for a company’s' })
  @Column({ type: 'int', nullable: true })
  compoundId: number | null;

  @ManyToOne(() => Compound, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'compoundId' })
  compoundRel?: Compound;

  @Field(() => ID, { nullable: true, description: 'The property company (物业服务企业党组织); null for a compound’s' })
  @Column({ type: 'int', nullable: true })
  propertyCompanyId: number | null;

  @ManyToOne(() => PropertyCompany, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'propertyCompanyId' })
  propertyCompanyRel?: PropertyCompany;

  @Field(() => ID, { description: '隶属: the jurisdiction it comes under and that keeps it (a compound’s: its community)' })
  @Column({ type: 'int' })
  jurisdictionId: number;

  @ManyToOne(() => Jurisdiction, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: Jurisdiction;

  @Field(() => PartyOrganizationForm)
  @Column({ type: 'varchar', length: 16 })
  form: PartyOrganizationForm;

  @Field({ description: 'Name as registered' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => Int, { nullable: true, description: '正式党员数 of the compound or company (not probationary members); null: not recorded (before issue 15)' })
  @Column({ type: 'int', nullable: true })
  formalMemberCount: number | null;

  @Field(() => String, { nullable: true, description: '书记' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  secretaryName: string | null;

  @Field(() => String, { nullable: true, description: '党建指导员 (or 第一书记), by name: required where there are no formal members (002 一.2; 004 二(一))' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  instructorName: string | null;

  @Field(() => LocalDate)
  @Column({ type: 'date' })
  formedOn: string;

  @Field(() => LocalDate, { nullable: true })
  @Column({ type: 'date', nullable: true })
  dissolvedOn: string | null;
}
