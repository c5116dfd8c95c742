import { Field, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../common/scalars';

@InputType()
export class AuditEventFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => ID, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  actorName?: string | null;

  @Field(() => String, { nullable: true, description: 'GraphQL type name, e.g. Membership' })
  entityType?: string | null;

  @Field(() => ID, { nullable: true })
  entityId?: string | null;

  @Field(() => String, { nullable: true })
  action?: string | null;

  @Field(() => String, { nullable: true })
  requestId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'From this day (China time), inclusive' })
  from?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Up to this day (China time), inclusive' })
  to?: string | null;
}
