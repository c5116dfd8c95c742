import { IsInt, IsOptional, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { IsPastDate } from '../../common/validators';
import { ListStatus } from '../rating/rating.enums';
import { RectificationStatus } from './publication.enums';

@InputType()
export class RatingPublicationFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  periodId?: string | null;
}

@InputType()
export class PublishedEntryFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  publicationId?: string | null;

  @Field(() => [ListStatus], { nullable: true })
  listStatus?: ListStatus[] | null;

  @Field(() => ID, { nullable: true })
  propertyCompanyId?: string | null;
}

@InputType()
export class RectificationFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  periodId?: string | null;

  @Field(() => ID, { nullable: true })
  propertyCompanyId?: string | null;

  @Field(() => [RectificationStatus], { nullable: true })
  status?: RectificationStatus[] | null;
}

@ArgsType()
export class PublishRatingPeriodArgs {
  @Field(() => ID)
  periodId: string;

  @Field(() => String, { nullable: true, description: 'Required for a correction (every publication after the first): why' })
  @IsOptional()
  @MaxLength(2000)
  reason?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Default today; not in the future, not before the previous revision' })
  @IsPastDate()
  publishedOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'The latest revision the publisher saw (0 when unpublished): if another edition came first, CONFLICT (STALE)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedRevision?: number | null;
}
