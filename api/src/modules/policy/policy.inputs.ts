import { IsOptional, Length, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { IsPastDate, NotBlank } from '../../common/validators';

@InputType()
export class PolicyDocumentFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true, description: 'Records of this office only' })
  jurisdictionId?: string | null;

  @Field(() => String, { nullable: true })
  issuer?: string | null;

  @Field(() => Boolean, { nullable: true })
  isPublic?: boolean | null;
}

@ArgsType()
export class UpdatePolicyDocumentArgs {
  @Field(() => ID, { nullable: true, description: 'The issuing office; default: the office of the user who creates it' })
  jurisdictionId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  docNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  indexNumber?: string | null;

  @Field(() => String, { nullable: true })
  @NotBlank('issuer')
  @MaxLength(200)
  issuer?: string;

  @Field(() => String, { nullable: true })
  @NotBlank('title')
  @MaxLength(500)
  title?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  issueDate?: string | null;

  @Field(() => LocalDate, { nullable: true })
  validFrom?: string | null;

  @Field(() => LocalDate, { nullable: true })
  validTo?: string | null;

  @Field(() => Boolean, { nullable: true })
  isPublic?: boolean;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;
}

@ArgsType()
export class CreatePolicyDocumentArgs extends UpdatePolicyDocumentArgs {
  @Field()
  issuer: string;

  @Field()
  title: string;
}

@InputType()
export class ClauseFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  documentId?: string | null;
}

@ArgsType()
export class UpdateClauseArgs {
  @Field(() => ID, { nullable: true })
  documentId?: string;

  @Field(() => String, { nullable: true })
  @NotBlank('number')
  @Length(1, 50)
  number?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  title?: string | null;

  @Field(() => String, { nullable: true })
  @NotBlank('text')
  @MaxLength(20000)
  text?: string;

  @Field(() => Int, { nullable: true })
  @Min(0)
  sortOrder?: number;
}

@ArgsType()
export class CreateClauseArgs extends UpdateClauseArgs {
  @Field(() => ID)
  documentId: string;

  @Field()
  number: string;

  @Field()
  text: string;
}

@InputType()
export class DocumentCitationFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  citingDocumentId?: string | null;

  @Field(() => ID, { nullable: true })
  citedDocumentId?: string | null;
}

@ArgsType()
export class UpdateDocumentCitationArgs {
  @Field(() => ID, { nullable: true })
  citingDocumentId?: string;

  @Field(() => ID, { nullable: true })
  citedDocumentId?: string | null;

  @Field(() => String, { nullable: true })
  @NotBlank('citedTitle')
  @MaxLength(500)
  citedTitle?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  citedDocNumber?: string | null;

  @Field(() => ID, { nullable: true })
  clauseId?: string | null;

  @Field(() => Int, { nullable: true })
  @Min(0)
  sortOrder?: number;
}

@ArgsType()
export class CreateDocumentCitationArgs extends UpdateDocumentCitationArgs {
  @Field(() => ID)
  citingDocumentId: string;

  @Field()
  citedTitle: string;
}
