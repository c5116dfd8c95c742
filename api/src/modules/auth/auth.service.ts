import { randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { DataSource, EntityManager, ObjectLiteral } from 'typeorm';
import type { AppConfig } from '../../config/env';
import { type Actor, type CurrentUser, SYSTEM_ACTOR } from '../../common/context';
import { CrudService } from '../../common/crud.service';
import { badInput, unauthenticated } from '../../common/errors';
import { Role } from '../../common/roles';
import type { TransactionRunner } from '../../common/transactions';
import type { AuditService } from '../audit/audit.service';
import type { UserFilter } from './auth.inputs';
import { hashPassword, verifyPassword } from './password';
import { User } from './user.entity';

/** The outcome of reading a bearer token: a user, or why there is none. */
export type TokenResult = { user: CurrentUser } | { user: null; reason?: string };

/** 登录: passwords (scrypt), tokens (JWT, HS256) and the first admin. */
export class AuthService {
  private readonly key: Uint8Array;

  constructor(
    private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly config: Pick<AppConfig, 'jwtSecret' | 'jwtTtl' | 'adminUsername' | 'adminPassword'>,
  ) {
    this.key = new TextEncoder().encode(config.jwtSecret);
  }

  async login(username: string, password: string, requestId: string): Promise<{ token: string; expiresAt: Date; user: User }> {
    const user = await this.ds.getRepository(User).findOneBy({ username: username.trim() });
    // Verify even for an unknown user so timing does not reveal which usernames exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) throw unauthenticated('Wrong username or password');
    const jwt = await new SignJWT({ role: user.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(user.id))
      .setIssuedAt()
      .setExpirationTime(this.config.jwtTtl)
      .sign(this.key);
    const { exp } = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString()) as { exp: number };
    const actor: Actor = { user: toCurrentUser(user), requestId };
    await this.tx.run((em) => this.audit.record(em, actor, { action: 'LOGIN', entityType: 'User', entityId: user.id }));
    return { token: jwt, expiresAt: new Date(exp * 1000), user };
  }

  /** Reads `Authorization: Bearer …`; the user is reloaded so deactivation and role changes apply at once. */
  async authenticate(header: string | undefined): Promise<TokenResult> {
    if (!header) return { user: null };
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) return { user: null, reason: 'Authorization header must be "Bearer <token>"' };
    let sub: string | undefined;
    try {
      ({ payload: { sub } } = await jwtVerify(match[1], this.key, { algorithms: ['HS256'] }));
    } catch (err) {
      return { user: null, reason: err instanceof joseErrors.JWTExpired ? 'Your session has expired; sign in again' : 'Invalid token' };
    }
    const user = sub ? await this.ds.getRepository(User).findOneBy({ id: Number(sub) }) : null;
    if (!user || !user.active) return { user: null, reason: 'This account is no longer active' };
    return { user: toCurrentUser(user) };
  }

  /** On first start: an ADMIN from ADMIN_PASSWORD, or with a random password that is printed once. */
  async ensureAdmin(log: (line: string) => void): Promise<void> {
    if ((await this.ds.getRepository(User).count()) > 0) return;
    const password = this.config.adminPassword ?? randomBytes(12).toString('base64url');
    const user = this.ds.getRepository(User).create({
      username: this.config.adminUsername,
      displayName: '系统管理员',
      passwordHash: await hashPassword(password),
      role: Role.ADMIN,
      unitId: null,
      active: true,
    });
    await this.tx.run(async (em) => {
      const saved = await em.save(user);
      await this.audit.record(em, SYSTEM_ACTOR, { action: 'CREATE', entityType: 'User', entityId: saved.id, after: { username: saved.username, role: saved.role } });
    });
    if (this.config.adminPassword) log(`Created admin user "${user.username}" with the password from ADMIN_PASSWORD.`);
    else log(`Created admin user "${user.username}" with password: ${password}  (shown once; change it after signing in)`);
  }
}

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

export function toCurrentUser(u: User): CurrentUser {
  return { id: u.id, username: u.username, role: u.role, unitId: u.unitId };
}

/** 用户管理 (ADMIN): passwords are hashed on the way in and never leave; UNIT_STAFF needs a unit. */
export class UserService extends CrudService<User, UserFilter> {
  async create(input: ObjectLiteral, actor: Actor): Promise<User> {
    return super.create(await this.withHash(input), actor);
  }

  async update(id: number, input: ObjectLiteral, actor: Actor): Promise<User> {
    return super.update(id, await this.withHash(input), actor);
  }

  private async withHash(input: ObjectLiteral): Promise<ObjectLiteral> {
    const { password, ...rest } = input;
    return password === undefined ? rest : { ...rest, passwordHash: await hashPassword(String(password)) };
  }

  protected async validate(_em: EntityManager, next: User, before: User | null, actor: Actor): Promise<void> {
    if (next.role === Role.UNIT_STAFF && next.unitId == null) throw badInput('unitId', 'A UNIT_STAFF user must belong to a unit');
    if (before && before.id === actor.user?.id && (next.role !== Role.ADMIN || !next.active)) {
      throw badInput('role', 'You cannot remove your own admin rights or deactivate yourself');
    }
  }
}
