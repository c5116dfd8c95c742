import { IsOptional, Length, Matches, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { BaseFilterInput } from '../../common/filters';
import { Role } from '../../common/roles';
import { NotBlank } from '../../common/validators';
import { User } from './user.entity';

@ObjectType({ description: 'A signed-in session' })
export class LoginResult {
  @Field({ description: 'Send as "Authorization: Bearer <token>"' })
  token: string;

  @Field({ description: 'When the token stops working' })
  expiresAt: Date;

  @Field(() => User)
  user: User;

  @Field({ description: 'Someone else set the password: this token opens only me and changePassword until the user picks a new one' })
  mustChangePassword: boolean;
}

@ObjectType({ description: 'A password an ADMIN reset: the temporary password, shown this once, and the user, who must choose their own at the next sign-in' })
export class PasswordReset {
  @Field({ description: 'The temporary password (12 characters): hand it to the user over a safe channel. Only its hash is kept; it is never shown again' })
  temporaryPassword: string;

  @Field(() => User, { description: 'The user, now with mustChangePassword and who reset it; their earlier sessions have ended' })
  user: User;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field({ description: 'The password the user signed in with' })
  @MaxLength(200)
  current: string;

  @Field({ description: 'The new password (at least 8 characters, different from the current one)' })
  @Length(8, 200, { message: 'next must be at least 8 characters' })
  next: string;
}

@InputType()
export class UserFilter extends BaseFilterInput {
  @Field(() => ID, { nullable: true, description: 'Records of this office only' })
  jurisdictionId?: string | null;

  @Field(() => Role, { nullable: true })
  role?: Role | null;

  @Field(() => ID, { nullable: true })
  unitId?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean | null;
}

@ArgsType()
export class UpdateUserArgs {
  @Field(() => ID, { nullable: true, description: 'The office the user works in (for UNIT_STAFF: their unit’s); default: the unit’s, else the office of the admin who creates the user' })
  jurisdictionId?: string | null;

  @Field(() => String, { nullable: true })
  @Matches(/^[A-Za-z0-9_.-]{3,50}$/, { message: 'username must be 3–50 letters, digits, _ . or -' })
  username?: string;

  @Field(() => String, { nullable: true })
  @NotBlank('displayName')
  @MaxLength(100)
  displayName?: string;

  @Field(() => String, { nullable: true, description: 'A new password (at least 8 characters)' })
  @IsOptional()
  @Length(8, 200, { message: 'password must be at least 8 characters' })
  password?: string;

  @Field(() => Role, { nullable: true })
  role?: Role;

  @Field(() => ID, { nullable: true, description: 'Required for UNIT_STAFF' })
  unitId?: string | null;

  @Field(() => Boolean, { nullable: true })
  active?: boolean;
}

@ArgsType()
export class CreateUserArgs extends UpdateUserArgs {
  @Field()
  username: string;

  @Field()
  displayName: string;

  @Field()
  password: string;

  @Field(() => Role)
  role: Role;
}
