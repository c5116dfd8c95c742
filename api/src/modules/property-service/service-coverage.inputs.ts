import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { LocalDate } from '../../common/scalars';
import { ManagementMode } from '../organization/enums';

@InputType()
export class ServiceCoverageFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  compoundId?: string | null;

  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => ManagementMode, { nullable: true })
  mode?: ManagementMode | null;
}

@ArgsType()
export class UpdateServiceCoverageArgs {
  @Field(() => ManagementMode, { nullable: true })
  mode?: ManagementMode;

  @Field(() => ID, { nullable: true })
  propertyCompanyId?: string | null;

  @Field(() => LocalDate, { nullable: true })
  since?: string | null;

  @Field(() => LocalDate, { nullable: true })
  until?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500)
  note?: string | null;
}

@ArgsType()
export class CreateServiceCoverageArgs extends UpdateServiceCoverageArgs {
  @Field(() => ID)
  compoundId: string;

  @Field(() => ManagementMode)
  mode: ManagementMode;
}
