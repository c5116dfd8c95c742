import { ListSize } from '../../common/query-limits';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ListStatus } from '../rating/rating.enums';
import { RatingPeriod } from '../rating/rating.entities';
import { RatingPublication } from './publication.entities';

@ObjectType({ description: 'One subject as it would be published now' })
export class DraftEntryView {
  @Field(() => ID)
  ratingId: number;

  @Field()
  subjectName: string;

  @Field(() => ID, { nullable: true })
  propertyCompanyId: number | null;

  @Field(() => String, { nullable: true })
  uscc: string | null;

  @Field(() => Int)
  rank: number;

  @Field(() => Float)
  total: number;

  @Field(() => Int)
  stars: number;

  @Field(() => ListStatus)
  listStatus: ListStatus;

  @Field(() => [String])
  reasons: string[];

  @Field({ description: 'Differs from the latest published edition, or is not in it' })
  changed: boolean;
}

@ObjectType({ description: 'A rating that cannot be published yet' })
export class IncompleteRating {
  @Field(() => ID)
  ratingId: number;

  @Field()
  subjectName: string;

  @Field(() => [String], { description: 'Criteria without a score' })
  missing: string[];
}

@ObjectType({ description: 'What publishing a period now would publish, before anything is frozen' })
export class PublicationPreview {
  @Field(() => RatingPeriod)
  period: RatingPeriod;

  @Field(() => RatingPublication, { nullable: true, description: 'The latest edition, if the period was published' })
  latest: RatingPublication | null;

  @ListSize(1000)
  @Field(() => [DraftEntryView], { description: 'Ranked by total' })
  entries: DraftEntryView[];

  @ListSize(1000)
  @Field(() => [IncompleteRating], { description: 'Publishing is refused while any remain' })
  incomplete: IncompleteRating[];

  @Field(() => [String], { description: 'Subjects in the latest edition that are no longer rated' })
  dropped: string[];

  @Field({ description: 'Every rating is complete, and (for a correction) something changed' })
  ready: boolean;
}
