import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { numeric } from '../../common/numeric';
import { LocalDate } from '../../common/scalars';
import { WorkflowStep } from '../../common/workflow/step.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { ListStatus } from '../rating/rating.enums';
import { Rating, RatingPeriod } from '../rating/rating.entities';
import { RectificationStatus } from './publication.enums';
import { Owned } from '../../common/scope';

/**
 * 公布版次: one published edition of a period's ratings. Revision 1 is the first publication; a
 * correction is revision 2, 3 … with a reason. Editions are never changed or deleted: what a
 * partner read stays readable.
 */
@ObjectType({ description: '公布版次: a published, frozen edition of a period’s ratings; corrections are new revisions' })
@Owned({ via: ['periodId', () => RatingPeriod], reads: 'downward', writes: 'issued' })
@Entity('rating_publication')
@Index('uq_rating_publication_revision', ['periodId', 'revision'], { unique: true })
@Index('ix_rating_publication_date', ['publishedOn'])
export class RatingPublication extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  periodId: number;

  @ManyToOne(() => RatingPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'periodId' })
  periodRel?: RatingPeriod;

  @Field(() => Int, { description: '1 for the first publication, then 2, 3 … for corrections' })
  @Column({ type: 'int' })
  revision: number;

  @Field(() => LocalDate, { description: 'The day it was published (from then on it is what partners read)' })
  @Column({ type: 'date' })
  publishedOn: string;

  @Field(() => String, { nullable: true, description: 'Why it was corrected; required from revision 2 on' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  publishedById: number | null;

  @Field({ description: 'Who published it (username at the time)' })
  @Column({ type: 'varchar', length: 50 })
  publishedByName: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  entryCount: number;

  @Field(() => Int, { description: 'Entries on the red list' })
  @Column({ type: 'int' })
  redCount: number;

  @Field(() => Int, { description: 'Entries on the black list' })
  @Column({ type: 'int' })
  blackCount: number;
}

/** One subject as published in an edition: copied at publication, never recomputed. */
@ObjectType({ description: 'One rated subject as frozen in a published edition' })
@Owned({ via: ['publicationId', () => RatingPublication], reads: 'downward', writes: 'issued' })
@Entity('published_entry')
@Index('uq_published_entry_subject', ['publicationId', 'subjectKey'], { unique: true })
@Index('ix_published_entry_company', ['propertyCompanyId', 'publicationId'])
@Index('ix_published_entry_rank', ['publicationId', 'rank'])
export class PublishedEntry extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  publicationId: number;

  @ManyToOne(() => RatingPublication, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'publicationId' })
  publicationRel?: RatingPublication;

  @Field(() => ID, { description: 'The rating it was computed from (which may have changed since)' })
  @Column({ type: 'int' })
  ratingId: number;

  @ManyToOne(() => Rating, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ratingId' })
  ratingRel?: Rating;

  @Column({ type: 'varchar', length: 220 })
  subjectKey: string;

  @Field({ description: 'Name as published' })
  @Column({ type: 'varchar', length: 200 })
  subjectName: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'int', nullable: true })
  propertyCompanyId: number | null;

  @ManyToOne(() => PropertyCompany, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'propertyCompanyId' })
  propertyCompanyRel?: PropertyCompany;

  @Field(() => String, { nullable: true, description: '统一社会信用代码 as published (companies only)' })
  @Column({ type: 'varchar', length: 18, nullable: true })
  uscc: string | null;

  @Field(() => Int, { description: '排名: 1 = highest total; equal totals share a rank' })
  @Column({ type: 'int' })
  rank: number;

  @Field(() => Float)
  @Column({ type: 'decimal', precision: 5, scale: 2, transformer: numeric })
  total: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  stars: number;

  @Field(() => ListStatus)
  @Column({ type: 'varchar', length: 8 })
  listStatus: ListStatus;

  /** JSON array of strings. */
  @Column({ type: 'text' })
  reasonsJson: string;

  @Field(() => [String], { description: 'Why it is on a list, as published' })
  get reasons(): string[] {
    return JSON.parse(this.reasonsJson) as string[];
  }
}

/**
 * 整改: one property company's rectification after a period's published black list. One per period
 * and company; its days (listed, interviewed, accepted…) are its steps' (rectification.workflow.ts),
 * so the bar on bidding can be answered as of any day.
 */
@ObjectType({ description: '整改: a black-listed company’s interview and rectification, dated step by step' })
@Owned({ via: ['publicationId', () => RatingPublication], reads: 'subtree', writes: 'issued' })
@Entity('rectification')
@Index('uq_rectification_period_company', ['periodId', 'propertyCompanyId'], { unique: true })
@Index('ix_rectification_company', ['propertyCompanyId'])
export class Rectification extends BaseRecord {
  @Field(() => ID)
  @Column({ type: 'int' })
  periodId: number;

  @ManyToOne(() => RatingPeriod, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'periodId' })
  periodRel?: RatingPeriod;

  @Field(() => ID)
  @Column({ type: 'int' })
  propertyCompanyId: number;

  @ManyToOne(() => PropertyCompany, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'propertyCompanyId' })
  propertyCompanyRel?: PropertyCompany;

  @Field(() => ID, { description: 'The edition that (last) put the company on the black list' })
  @Column({ type: 'int' })
  publicationId: number;

  @ManyToOne(() => RatingPublication, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'publicationId' })
  publicationRel?: RatingPublication;

  @Field(() => RectificationStatus)
  @Column({ type: 'varchar', length: 16 })
  status: RectificationStatus;

  @Field(() => Int, { description: 'Bumped on every change; steps only apply to the version read' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note: string | null;
}

/** One dated, signed step of a rectification (never changed). */
@ObjectType({ description: 'A rectification’s step' })
@Owned({ via: ['rectificationId', () => Rectification], reads: 'subtree', writes: 'issued' })
@Entity('rectification_step')
@Index('ix_rectification_step_rectification', ['rectificationId'])
export class RectificationStep extends WorkflowStep(RectificationStatus, { name: 'RectificationStep', length: 16, opened: 'Null when the rectification was opened' }) {
  @Field(() => ID)
  @Column({ type: 'int' })
  rectificationId: number;

  @ManyToOne(() => Rectification, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'rectificationId' })
  rectificationRel?: Rectification;
}
