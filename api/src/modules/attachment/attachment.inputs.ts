import { Field, ID, InputType } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { AttachmentTarget } from './attachable';

@InputType()
export class AttachmentFilter extends BaseFilterInput {
  @Field(() => AttachmentTarget, { nullable: true, description: 'The kind of record' })
  targetType?: string | null;

  @Field(() => ID, { nullable: true, description: 'The record (with targetType)' })
  targetId?: string | null;
}
