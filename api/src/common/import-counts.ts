import { Field, Int, ObjectType } from 'type-graphql';

/**
 * What every sheet import answers besides its rows: whether it was written and how many rows add,
 * change, stay or are rejected. A base type: its name never appears in a schema (no field returns it).
 */
@ObjectType('ImportCounts')
export abstract class ImportCounts {
  @Field({ description: 'False for a preview; true once written' })
  committed: boolean;

  @Field(() => Int)
  added: number;

  @Field(() => Int)
  changed: number;

  @Field(() => Int)
  unchanged: number;

  @Field(() => Int, { description: 'While any row is rejected, nothing can be imported' })
  rejected: number;
}
