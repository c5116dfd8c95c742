import { Field, ID, InputType } from 'type-graphql';

/** `ids` (react-admin getMany / getManyReference) and `q` (text search) on every list. */
@InputType()
export abstract class BaseFilterInput {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Text search on names' })
  q?: string | null;
}
