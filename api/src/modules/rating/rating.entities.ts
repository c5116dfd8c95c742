import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { numeric } from '../../common/numeric';
import { LocalDate } from '../../common/scalars';
import { OwnersCommittee } from '../owners-committee/owners-committee.entity';
import { PartyOrganization } from '../party-organization/party-organization.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { SourcedRecord } from '../policy/sourced.entity';
import { RatedSubjectKind, RatingPeriodKind } from './rating.enums';
import { Owned } from '../../common/scope';

/**
 * 评星方案: what is rated, how often, on which weighted criteria, how a total maps to stars and
 * who goes on the red or black list. `notes` says which thresholds a document fixes and which are
 * defaults chosen here.
 */
@ObjectType({ description: '评星方案: criteria, weights, star thresholds and the red/black list rule' })
@Owned({ column: 'jurisdictionId', reads: 'downward', writes: 'issued', defaultsToViewer: true })
@Entity('rating_scheme')
@Index('uq_rating_scheme_owner_name', ['jurisdictionId', 'name'], { unique: true })
export class RatingScheme extends SourcedRecord {
  @Field(() => ID, { nullable: true, description: 'The office that issued the scheme: its periods rate only subjects within it. Null: kept by the platform' })
  @Column({ type: 'int', nullable: true })
  jurisdictionId: number | null;

  @ManyToOne('Jurisdiction', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: object;

  @Field()
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => RatedSubjectKind)
  @Column({ type: 'varchar', length: 24 })
  subjectKind: RatedSubjectKind;

  @Field(() => RatingPeriodKind)
  @Column({ type: 'varchar', length: 16 })
  periodKind: RatingPeriodKind;

  @Field(() => Float, { description: 'Lowest total (0–100) for 2 stars; below it: 1 star' })
  @Column({ type: 'decimal', precision: 5, scale: 2, transformer: numeric })
  star2Min: number;

  @Field(() => Float, { description: 'Lowest total for 3 stars' })
  @Column({ type: 'decimal', precision: 5, scale: 2, transformer: numeric })
  star3Min: number;

  @Field(() => Float, { description: 'Lowest total for 4 stars' })
  @Column({ type: 'decimal', precision: 5, scale: 2, transformer: numeric })
  star4Min: number;

  @Field(() => Float, { description: 'Lowest total for 5 stars' })
  @Column({ type: 'decimal', precision: 5, scale: 2, transformer: numeric })
  star5Min: number;

  @Field(() => Int, { nullable: true, description: '红榜: this many stars or more; null = the scheme has no red list' })
  @Column({ type: 'int', nullable: true })
  redMinStars: number | null;

  @Field(() => Int, { nullable: true, description: '黑榜: this many stars or fewer; null = stars never put anyone on the black list' })
  @Column({ type: 'int', nullable: true })
  blackMaxStars: number | null;

  @Field(() => Float, { nullable: true, description: '黑榜 when owners’ dissatisfaction is over this percentage (001: 业主不满意率超过50%); null = not used' })
  @Column({ type: 'decimal', precision: 5, scale: 2, nullable: true, transformer: numeric })
  blackDissatisfactionOver: number | null;

  @Field({ description: '黑榜 for an entry on the negative list (000: 负面清单)' })
  @Column({ type: 'boolean', default: false })
  blackOnNegativeList: boolean;

  @Field(() => String, { nullable: true, description: 'Which thresholds the documents fix and which are defaults chosen here' })
  @Column({ type: 'text', nullable: true })
  notes: string | null;
}

/** 考核内容: one weighted criterion of a scheme. Weights of a scheme add up to 100. */
@ObjectType({ description: 'A weighted criterion of a rating scheme' })
@Owned({ via: ['schemeId', () => RatingScheme], reads: 'downward', writes: 'issued' })
@Entity('rating_criterion')
@Index('uq_rating_criterion_code', ['schemeId', 'code'], { unique: true })
export class RatingCriterion extends SourcedRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  schemeId: number;

  @ManyToOne(() => RatingScheme, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'schemeId' })
  schemeRel?: RatingScheme;

  @Field({ description: 'Short stable code, e.g. SATISFACTION' })
  @Column({ type: 'varchar', length: 40 })
  code: string;

  @Field({ description: 'As the document words it' })
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Field(() => Int, { description: 'Weight in percent of the total' })
  @Column({ type: 'int' })
  weight: number;

  @Field(() => Int, { description: 'Scores run from 0 to this' })
  @Column({ type: 'int', default: 100 })
  maxScore: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  sortOrder: number;
}

/** 考核周期: one quarter or half-year of a scheme, e.g. 2025Q1. */
@ObjectType({ description: 'A rating period of a scheme' })
@Owned({ via: ['schemeId', () => RatingScheme], reads: 'downward', writes: 'issued' })
@Entity('rating_period')
@Index('uq_rating_period_code', ['schemeId', 'code'], { unique: true })
export class RatingPeriod extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  schemeId: number;

  @ManyToOne(() => RatingScheme, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'schemeId' })
  schemeRel?: RatingScheme;

  @Field({ description: '2025Q1, 2025H2 …' })
  @Column({ type: 'varchar', length: 16 })
  code: string;

  @Field(() => LocalDate)
  @Column({ type: 'date' })
  startDate: string;

  @Field(() => LocalDate)
  @Column({ type: 'date' })
  endDate: string;
}

/**
 * 评星结果: one subject in one period. Scores, owners' dissatisfaction and negative-list entries
 * are typed; the total, stars and list status are always computed from them.
 */
@ObjectType({ description: 'One subject’s rating in a period: inputs typed, total, stars and list computed' })
@Owned({ via: ['periodId', () => RatingPeriod], reads: 'subtree', writes: 'issued' })
@Entity('rating')
@Index('uq_rating_subject', ['periodId', 'subjectKey'], { unique: true })
export class Rating extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  periodId: number;

  @ManyToOne(() => RatingPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'periodId' })
  periodRel?: RatingPeriod;

  @Column({ type: 'varchar', length: 220 })
  subjectKey: string;

  @Field(() => ID, { nullable: true, description: 'For a property-company scheme' })
  @Column({ type: 'int', nullable: true })
  propertyCompanyId: number | null;

  @ManyToOne(() => PropertyCompany, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'propertyCompanyId' })
  propertyCompanyRel?: PropertyCompany;

  @Field(() => ID, { nullable: true, description: 'For a party-branch scheme' })
  @Column({ type: 'int', nullable: true })
  partyOrganizationId: number | null;

  @ManyToOne(() => PartyOrganization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'partyOrganizationId' })
  partyOrganizationRel?: PartyOrganization;

  @Field(() => ID, { nullable: true, description: 'For an owners’-committee scheme' })
  @Column({ type: 'int', nullable: true })
  ownersCommitteeId: number | null;

  @ManyToOne(() => OwnersCommittee, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ownersCommitteeId' })
  ownersCommitteeRel?: OwnersCommittee;

  @Field({ description: 'Who is rated, by name (for managers and guards, the only identification kept)' })
  @Column({ type: 'varchar', length: 200 })
  subjectName: string;

  @Field(() => Float, { nullable: true, description: '业主不满意率 in percent, when surveyed' })
  @Column({ type: 'decimal', precision: 5, scale: 2, nullable: true, transformer: numeric })
  dissatisfactionRate: number | null;

  @Field({ description: 'Found on the negative list (负面清单) in the period' })
  @Column({ type: 'boolean', default: false })
  onNegativeList: boolean;

  @Field(() => String, { nullable: true, description: 'Which negative-list entry, and the evidence' })
  @Column({ type: 'varchar', length: 1000, nullable: true })
  negativeListNote: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** 分项得分: a score on one criterion, with its evidence note. */
@ObjectType({ description: 'A score on one criterion, with evidence' })
@Owned({ via: ['ratingId', () => Rating], reads: 'subtree', writes: 'issued' })
@Entity('rating_score')
@Index('uq_rating_score', ['ratingId', 'criterionId'], { unique: true })
export class RatingScore extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  ratingId: number;

  @ManyToOne(() => Rating, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ratingId' })
  ratingRel?: Rating;

  @Field(() => ID)
  @Column({ type: 'int' })
  criterionId: number;

  @ManyToOne(() => RatingCriterion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'criterionId' })
  criterionRel?: RatingCriterion;

  @Field(() => Float)
  @Column({ type: 'decimal', precision: 6, scale: 2, transformer: numeric })
  score: number;

  @Field(() => String, { nullable: true, description: 'Evidence: survey, inspection record, hotline figures…' })
  @Column({ type: 'text', nullable: true })
  evidence: string | null;
}
