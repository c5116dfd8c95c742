import { ArgsType, Field, Int, ObjectType } from 'type-graphql';

/** Paging and sorting as react-admin's GraphQL data providers send them (page is 0-based). */
@ArgsType()
export class ListArgs {
  @Field(() => Int, { nullable: true, description: '0-based page number' })
  page?: number;

  @Field(() => Int, { nullable: true, description: 'Rows per page (1–1000); all matches when omitted with an ids filter' })
  perPage?: number;

  @Field(() => String, { nullable: true, description: 'A field of the type to sort by' })
  sortField?: string;

  @Field(() => String, { nullable: true, description: 'ASC or DESC' })
  sortOrder?: string;
}

@ObjectType({ description: 'How many rows a list filter matches' })
export class ListMetadata {
  @Field(() => Int)
  count: number;
}

export const MAX_PER_PAGE = 1000;
export const DEFAULT_PER_PAGE = 25;
