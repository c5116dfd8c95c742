import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { NoticeKind } from './notice-link.entity';

@InputType()
export class NoticeLinkFilter extends BaseFilterInput {
  @Field(() => NoticeKind, { nullable: true })
  kind?: NoticeKind | null;

  @Field(() => ID, { nullable: true })
  targetId?: string | null;
}

@ArgsType()
export class CreateNoticeLinkArgs {
  @Field(() => NoticeKind)
  kind: NoticeKind;

  @Field(() => ID, { description: 'The compound (committee board) or the published edition (RatingPublication)' })
  targetId: string;
}
