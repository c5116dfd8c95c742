import { IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { IsPastDate, NotBlank } from '../../common/validators';
import { AuditOutcome } from './revenue-audit.entity';

@InputType()
export class RevenueRecordFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  compoundId?: string | null;

  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;
}

@InputType()
export class RevenueDisclosureFilter extends RevenueRecordFilter {
  @Field(() => Int, { nullable: true })
  quarter?: number | null;
}

@ArgsType()
export class UpdateRevenueDisclosureArgs {
  @Field(() => Int, { nullable: true })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => Int, { nullable: true, description: '1–4' })
  @IsInt()
  @Min(1)
  @Max(4)
  quarter?: number;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  disclosedOn?: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @NotBlank('evidence')
  @MaxLength(500)
  evidence?: string;
}

@ArgsType()
export class CreateRevenueDisclosureArgs extends UpdateRevenueDisclosureArgs {
  @Field(() => ID)
  compoundId: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  quarter: number;

  @Field(() => LocalDate)
  disclosedOn: string;

  @Field()
  evidence: string;
}

@ArgsType()
export class UpdateRevenueAuditArgs {
  @Field(() => Int, { nullable: true })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @Field(() => String, { nullable: true })
  @NotBlank('auditor')
  @MaxLength(200)
  auditor?: string;

  @Field(() => LocalDate, { nullable: true })
  @IsPastDate()
  auditedOn?: string;

  @Field(() => AuditOutcome, { nullable: true })
  outcome?: AuditOutcome;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(2000)
  findings?: string | null;
}

@ArgsType()
export class CreateRevenueAuditArgs extends UpdateRevenueAuditArgs {
  @Field(() => ID)
  compoundId: string;

  @Field(() => Int)
  year: number;

  @Field()
  auditor: string;

  @Field(() => LocalDate)
  auditedOn: string;

  @Field(() => AuditOutcome)
  outcome: AuditOutcome;
}
