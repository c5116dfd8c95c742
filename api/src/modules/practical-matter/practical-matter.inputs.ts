import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { NotBlank } from '../../common/validators';
import { PracticalMatterCategory, PracticalMatterKind, PracticalMatterStatus } from './practical-matter.enums';

@InputType()
export class PracticalMatterFilter extends BaseFilterInput {
  @Field(() => [PracticalMatterStatus], { nullable: true })
  status?: PracticalMatterStatus[] | null;

  @Field(() => PracticalMatterKind, { nullable: true })
  kind?: PracticalMatterKind | null;

  @Field(() => PracticalMatterCategory, { nullable: true })
  category?: PracticalMatterCategory | null;

  @Field(() => ID, { nullable: true })
  compoundId?: string | null;

  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => ID, { nullable: true })
  ownerUnitId?: string | null;
}

@ArgsType()
export class UpdatePracticalMatterArgs {
  @Field(() => PracticalMatterCategory, { nullable: true })
  category?: PracticalMatterCategory;

  @Field(() => String, { nullable: true })
  @NotBlank('title')
  @MaxLength(200)
  title?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(5000)
  plan?: string | null;

  @Field(() => ID, { nullable: true })
  ownerUnitId?: string | null;

  @Field(() => LocalDate, { nullable: true })
  dueOn?: string | null;
}

@ArgsType()
export class CreatePracticalMatterArgs extends UpdatePracticalMatterArgs {
  @Field(() => ID)
  compoundId: string;

  @Field(() => PracticalMatterKind)
  kind: PracticalMatterKind;

  @Field(() => PracticalMatterCategory)
  category: PracticalMatterCategory;

  @Field()
  title: string;

  @Field(() => LocalDate, { description: 'The day it was opened (立项)' })
  openedOn: string;
}
