import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseRecord } from '../../common/base.entity';
import { Role } from '../../common/roles';
import { Unit } from '../organization/unit.entity';
import { Owned } from '../../common/scope';

/** 用户: someone who signs in. UNIT_STAFF users belong to one unit. */
@ObjectType({ description: 'A user who can sign in' })
@Owned({ column: 'jurisdictionId', reads: 'subtree', writes: 'issued', defaultsToViewer: true })
@Entity('app_user')
@Index('uq_app_user_username', ['username'], { unique: true })
export class User extends BaseRecord {
  @Field(() => ID, { nullable: true, description: 'The office the user works in: their roles apply within it and below. Null: the root (acts anywhere)' })
  @Column({ type: 'int', nullable: true })
  jurisdictionId: number | null;

  @ManyToOne('Jurisdiction', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'jurisdictionId' })
  jurisdictionRel?: object;

  @Field()
  @Column({ type: 'varchar', length: 50 })
  username: string;

  @Field()
  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  /** scrypt$N$r$p$salt$hash — never exposed. */
  @Column({ type: 'varchar', length: 255 })
  passwordHash: string;

  @Field(() => Role)
  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Field(() => ID, { nullable: true, description: 'The unit a UNIT_STAFF user works for' })
  @Column({ type: 'int', nullable: true })
  unitId: number | null;

  @ManyToOne(() => Unit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unitId' })
  unitRel?: Unit;

  @Field({ description: 'A deactivated user cannot sign in, and their tokens stop working' })
  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The `sv` claim a token must carry: a password, role or activity change bumps it and ends every earlier token. */
  @Column({ type: 'int', default: 1 })
  sessionVersion: number;

  @Field({ description: 'Someone else set the password: signing in opens only me and changePassword until the user picks one' })
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  /** Who last set this user's password when it was not the user (creation or reset); self-service changes keep it. */
  @Column({ type: 'int', nullable: true })
  passwordResetById: number | null;

  @Field(() => String, { nullable: true, description: 'Who last set this user’s password for them (creation or reset), username at the time' })
  @Column({ type: 'varchar', length: 50, nullable: true })
  passwordResetByName: string | null;

  @Field(() => Date, { nullable: true, description: 'When someone else last set this user’s password' })
  @Column({ type: 'datetime', nullable: true })
  passwordResetAt: Date | null;
}
