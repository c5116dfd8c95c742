import { IsOptional, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { IsUscc, NotBlank } from '../../common/validators';
import { LocalDate } from '../../common/scalars';
import { CompoundFlag } from './compound-flags';
import { JurisdictionLevel, ManagementMode, UnitKind } from './enums';

@InputType()
export class JurisdictionFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => JurisdictionLevel, { nullable: true })
  level?: JurisdictionLevel | null;

  @Field(() => String, { nullable: true })
  code?: string | null;
}

@ArgsType()
export class UpdateJurisdictionArgs {
  @Field(() => String, { nullable: true })
  @NotBlank('name')
  @MaxLength(100)
  name?: string;

  @Field(() => JurisdictionLevel, { nullable: true })
  level?: JurisdictionLevel;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'GB/T 2260 code: 6 digits' })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: 'code must be a 6-digit GB/T 2260 code' })
  code?: string | null;
}

@ArgsType()
export class CreateJurisdictionArgs extends UpdateJurisdictionArgs {
  @Field()
  name: string;

  @Field(() => JurisdictionLevel)
  level: JurisdictionLevel;
}

@InputType()
export class UnitFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  jurisdictionId?: string | null;

  @Field(() => UnitKind, { nullable: true })
  kind?: UnitKind | null;
}

@ArgsType()
export class UpdateUnitArgs {
  @Field(() => String, { nullable: true })
  @NotBlank('name')
  @MaxLength(100)
  name?: string;

  @Field(() => UnitKind, { nullable: true })
  kind?: UnitKind;

  @Field(() => ID, { nullable: true })
  jurisdictionId?: string;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @MaxLength(100, { each: true })
  aliases?: string[];
}

@ArgsType()
export class CreateUnitArgs extends UpdateUnitArgs {
  @Field()
  name: string;

  @Field(() => UnitKind)
  kind: UnitKind;

  @Field(() => ID)
  jurisdictionId: string;
}

@InputType()
export class PropertyCompanyFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true, description: 'Records of this office only' })
  ownerJurisdictionId?: string | null;

  @Field(() => ID, { nullable: true })
  jurisdictionId?: string | null;

  @Field(() => String, { nullable: true })
  uscc?: string | null;
}

@ArgsType()
export class UpdatePropertyCompanyArgs {
  @Field(() => ID, { nullable: true, description: 'The office that registers and may edit it; default: the office of the user who creates it' })
  ownerJurisdictionId?: string | null;

  @Field(() => String, { nullable: true })
  @NotBlank('name')
  @MaxLength(200)
  name?: string;

  @Field(() => String, { nullable: true, description: '统一社会信用代码' })
  @IsUscc()
  uscc?: string;

  @Field(() => ID, { nullable: true })
  jurisdictionId?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  address?: string | null;
}

@ArgsType()
export class CreatePropertyCompanyArgs extends UpdatePropertyCompanyArgs {
  @Field()
  name: string;

  @Field()
  uscc: string;
}

@InputType()
export class CompoundFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true })
  communityId?: string | null;

  @Field(() => ID, { nullable: true })
  propertyCompanyId?: string | null;

  @Field(() => ManagementMode, { nullable: true })
  managementMode?: ManagementMode | null;

  @Field(() => [CompoundFlag], { nullable: true, description: 'Compounds where every one of these holds on asOf (待办: re-election due, party share under half…)' })
  flags?: string[] | null;

  @Field(() => LocalDate, { nullable: true, description: 'The day the flags are judged on (default: today)' })
  asOf?: string | null;
}

@ArgsType()
export class UpdateCompoundArgs {
  @Field(() => String, { nullable: true })
  @NotBlank('name')
  @MaxLength(200)
  name?: string;

  @Field(() => ID, { nullable: true })
  communityId?: string;

  @Field(() => ID, { nullable: true })
  propertyCompanyId?: string | null;

  @Field(() => ManagementMode, { nullable: true })
  managementMode?: ManagementMode;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(300)
  address?: string | null;
}

@ArgsType()
export class CreateCompoundArgs extends UpdateCompoundArgs {
  @Field()
  name: string;

  @Field(() => ID)
  communityId: string;

  @Field(() => ManagementMode)
  managementMode: ManagementMode;
}
