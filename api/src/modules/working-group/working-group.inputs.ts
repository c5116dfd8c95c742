import { ArrayMinSize, IsOptional, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { IsPastDate, NotBlank } from '../../common/validators';
import { GroupKind, GroupRole } from './enums';

@InputType()
export class PersonFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true, description: 'Records of this office only' })
  jurisdictionId?: string | null;
}

@ArgsType()
export class UpdatePersonArgs {
  @Field(() => ID, { nullable: true, description: 'The office that keeps the record; default: the office of the user who creates it' })
  jurisdictionId?: string | null;

  @Field(() => String, { nullable: true })
  @NotBlank('name')
  @MaxLength(50)
  name?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(30)
  phone?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  note?: string | null;
}

@ArgsType()
export class CreatePersonArgs extends UpdatePersonArgs {
  @Field()
  name: string;
}

@InputType()
export class PostFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  jurisdictionId?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

@ArgsType()
export class UpdatePostArgs {
  @Field(() => String, { nullable: true })
  @NotBlank('title')
  @MaxLength(200)
  title?: string;

  @Field(() => ID, { nullable: true })
  jurisdictionId?: string | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;
}

@ArgsType()
export class CreatePostArgs extends UpdatePostArgs {
  @Field()
  title: string;
}

@InputType()
export class PostHoldingFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  postId?: string | null;

  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Only holdings in force on this date' })
  asOf?: string | null;
}

@ArgsType()
export class UpdatePostHoldingArgs {
  @Field(() => ID, { nullable: true })
  postId?: string;

  @Field(() => ID, { nullable: true })
  personId?: string;

  @Field(() => LocalDate, { nullable: true })
  validFrom?: string;

  @Field(() => LocalDate, { nullable: true })
  validTo?: string | null;
}

@ArgsType()
export class CreatePostHoldingArgs extends UpdatePostHoldingArgs {
  @Field(() => ID)
  postId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => LocalDate)
  validFrom: string;
}

@InputType()
export class WorkingGroupFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true, description: 'Records of this office only' })
  jurisdictionId?: string | null;

  @Field(() => ID, { nullable: true })
  documentId?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => GroupKind, { nullable: true })
  kind?: GroupKind | null;
}

@ArgsType()
export class UpdateWorkingGroupArgs {
  @Field(() => ID, { nullable: true, description: 'The office whose group it is; default: the office of the user who creates it' })
  jurisdictionId?: string | null;

  @Field(() => String, { nullable: true })
  @NotBlank('name')
  @MaxLength(200)
  name?: string;

  @Field(() => GroupKind, { nullable: true })
  kind?: GroupKind;

  @Field(() => ID, { nullable: true })
  documentId?: string | null;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => ID, { nullable: true })
  hostUnitId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  hostedAt?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  duties?: string | null;
}

@ArgsType()
export class CreateWorkingGroupArgs extends UpdateWorkingGroupArgs {
  @Field()
  name: string;

  @Field(() => GroupKind)
  kind: GroupKind;
}

@InputType()
export class MembershipFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  groupId?: string | null;

  @Field(() => ID, { nullable: true })
  personId?: string | null;

  @Field(() => ID, { nullable: true })
  postId?: string | null;

  @Field(() => GroupRole, { nullable: true })
  role?: GroupRole | null;

  @Field(() => LocalDate, { nullable: true, description: 'Only seats held on this date (the roster as of a date)' })
  asOf?: string | null;
}

@ArgsType()
export class UpdateMembershipArgs {
  @Field(() => ID, { nullable: true })
  groupId?: string;

  @Field(() => ID, { nullable: true })
  personId?: string;

  @Field(() => GroupRole, { nullable: true })
  role?: GroupRole;

  @Field(() => Int, { nullable: true, description: 'Published order within the role, from 1' })
  @Min(1)
  sortOrder?: number;

  @Field(() => ID, { nullable: true })
  postId?: string | null;

  @Field(() => Boolean, { nullable: true })
  concurrent?: boolean;

  @Field(() => LocalDate, { nullable: true })
  validFrom?: string;

  @Field(() => LocalDate, { nullable: true })
  validTo?: string | null;
}

@ArgsType()
export class CreateMembershipArgs extends UpdateMembershipArgs {
  @Field(() => ID)
  groupId: string;

  @Field(() => ID)
  personId: string;

  @Field(() => GroupRole)
  role: GroupRole;

  @Field(() => LocalDate, { nullable: true, description: 'Defaults to today' })
  validFrom?: string;
}

@InputType({ description: 'A post changed hands: the seats tied to it pass to the successor' })
export class SuccessionInput {
  @Field(() => ID)
  postId: string;

  @Field(() => ID, { description: 'The person who takes the post' })
  successorId: string;

  @Field(() => LocalDate, { description: 'First day the successor holds the post' })
  @IsPastDate()
  date: string;

  @Field(() => ID, { nullable: true, description: 'Whose seats pass; needed only when several people hold the post' })
  predecessorId?: string | null;
}

@ArgsType()
export class ReorderMembershipsArgs {
  @Field(() => ID)
  groupId: string;

  @Field(() => GroupRole)
  role: GroupRole;

  @Field(() => [ID], { description: 'Every current seat of that role, in the new order' })
  @ArrayMinSize(1)
  membershipIds: string[];
}
