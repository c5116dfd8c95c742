import { randomBytes, randomInt } from 'node:crypto';
import { decodeJwt, errors as joseErrors, type JWTPayload, jwtVerify, SignJWT } from 'jose';
import { type DataSource, type EntityManager, IsNull, type ObjectLiteral } from 'typeorm';
import type { AppConfig } from '../../config/env';
import { type Actor, type CurrentUser, SYSTEM_ACTOR } from '../../common/context';
import { CrudService } from '../../common/crud.service';
import { badInput, conflict, toId, unauthenticated } from '../../common/errors';
import { rateLimited, type RateLimits } from '../../common/rate-limit';
import { Role } from '../../common/roles';
import { prepareViewer, unscoped } from '../../common/scope';
import { rawEntities } from '../../common/raw-read';
import { type TransactionRunner, writeLock } from '../../common/transactions';
import type { AuditService } from '../audit/audit.service';
import type { UserFilter } from './auth.inputs';
import { hashPassword, verifyPassword } from './password';
import { Unit } from '../organization/unit.entity';
import { User } from './user.entity';

/** The outcome of reading a bearer token: a user, or why there is none. */
export type TokenResult = { user: CurrentUser } | { user: null; reason?: string };

/** A new session: what `login` and `changePassword` answer. */
export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: User;
  mustChangePassword: boolean;
}

/**
 * 登录: passwords (scrypt), tokens (JWT, HS256) and the first admin. A token carries the user's
 * session version (`sv`): changing the password, the role or the activity bumps it and ends every
 * earlier token. Sign-in failures are limited per account and per address and audited.
 */
export class AuthService {
  private readonly key: Uint8Array;

  constructor(
    private readonly ds: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
    private readonly config: Pick<AppConfig, 'jwtSecret' | 'jwtTtl' | 'adminUsername' | 'adminPassword'>,
    private readonly limits: RateLimits,
  ) {
    this.key = new TextEncoder().encode(config.jwtSecret);
  }

  /**
   * Failures count against the account and the address (by default 5 per account, 20 per address in
   * 15 minutes; successes give their count back) and each is an audit event LOGIN_FAILED with the
   * address. The account's last allowed failure locks it for a whole window, right password or not.
   */
  async login(username: string, password: string, request: Actor): Promise<SignedIn> {
    const name = username.trim();
    const ip = request.ip ?? null;
    const account = accountKey(name);
    const address = ip ?? 'unknown';
    const byAddress = await this.limits.take('loginIp', address);
    if (!byAddress.ok) throw rateLimited('Too many failed sign-ins from your address', byAddress.retryAfterMs, 'TOO_MANY_ATTEMPTS');
    const byAccount = await this.limits.take('loginUser', account);
    if (!byAccount.ok) {
      await this.limits.giveBack('loginIp', address);
      throw rateLimited('This account is locked after repeated failed sign-ins', byAccount.retryAfterMs, 'LOGIN_LOCKED');
    }
    // Usernames are at most 50 characters: a longer one cannot exist and is not sent to the database.
    // Before sign-in there is nobody to scope to: the account is looked up wherever it works.
    const user = name && name.length <= 50 ? await unscoped(() => this.ds.getRepository(User).findOneBy({ username: name })) : null;
    // Verify even for an unknown user so timing does not reveal which usernames exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) {
      if (byAccount.remaining === 0) await this.limits.lock('loginUser', account);
      await this.tx.run((em) =>
        this.audit.record(
          em,
          { user: null, requestId: request.requestId },
          { action: 'LOGIN_FAILED', actorName: 'anonymous', entityType: 'User', entityId: user?.id ?? '-', after: { username: name.slice(0, 100), ip } },
        ),
      );
      throw unauthenticated('Wrong username or password');
    }
    await Promise.all([this.limits.reset('loginUser', account), this.limits.giveBack('loginIp', address)]);
    // what the sign-in answers (the user and anything nested) is read as the user who signed in
    await prepareViewer(this.ds, { jurisdictionId: user.jurisdictionId, role: user.role });
    const session = await this.issue(user, ip);
    await this.tx.run((em) =>
      this.audit.record(
        em,
        { user: toCurrentUser(user), requestId: request.requestId },
        { action: 'LOGIN', entityType: 'User', entityId: user.id, after: { ip, mustChangePassword: user.mustChangePassword } },
      ),
    );
    return session;
  }

  /**
   * 修改密码: the signed-in user's own password, given the current one (wrong ones count like failed
   * sign-ins). Ends every session of the user, this one included, and answers with a new token.
   */
  async changePassword(current: string, next: string, actor: Actor): Promise<SignedIn> {
    const me = actor.user!;
    if (next === current) throw badInput('next', 'Choose a password different from the current one', 'SAME_PASSWORD');
    const account = accountKey(me.username);
    const attempt = await this.limits.take('loginUser', account);
    if (!attempt.ok) throw rateLimited('This account is locked after repeated failed sign-ins', attempt.retryAfterMs, 'LOGIN_LOCKED');
    const read = await this.ds.getRepository(User).findOneByOrFail({ id: me.id });
    if (!(await verifyPassword(current, read.passwordHash))) {
      if (attempt.remaining === 0) await this.limits.lock('loginUser', account);
      throw badInput('current', 'The current password is wrong', 'WRONG_PASSWORD');
    }
    await this.limits.reset('loginUser', account);
    const passwordHash = await hashPassword(next);
    const saved = await this.tx.run(async (em) => {
      const before = await em.findOne(User, { where: { id: me.id }, ...writeLock(em) });
      if (!before || before.sessionVersion !== read.sessionVersion) throw conflict('Your account changed meanwhile: sign in again', undefined, 'STALE');
      await em.update(User, { id: me.id }, { passwordHash, mustChangePassword: false, sessionVersion: before.sessionVersion + 1 });
      const after = await em.findOneByOrFail(User, { id: me.id });
      // Signed by the user, without the request's idempotency key: passwords are never hashed into a key's request.
      await this.audit.record(
        em,
        { user: me, requestId: actor.requestId },
        { action: 'PASSWORD_CHANGE', entityType: 'User', entityId: me.id, before: sessionFields(before), after: sessionFields(after) },
      );
      return after;
    });
    return this.issue(saved, actor.ip ?? null);
  }

  /** Reads `Authorization: Bearer …`; the user is reloaded so deactivation and role changes apply at once. */
  async authenticate(header: string | undefined): Promise<TokenResult> {
    if (!header) return { user: null };
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match) return { user: null, reason: 'Authorization header must be "Bearer <token>"' };
    let payload: JWTPayload;
    try {
      // A token without exp would work forever, one without sub names nobody: both are refused.
      ({ payload } = await jwtVerify(match[1], this.key, { algorithms: ['HS256'], requiredClaims: ['exp', 'sub'] }));
    } catch (err) {
      return { user: null, reason: err instanceof joseErrors.JWTExpired ? 'Your session has expired; sign in again' : 'Invalid token' };
    }
    const id = Number(payload.sub);
    // The token names the user; their scope is what this lookup establishes, so it is not scoped itself.
    // (as SQL: every signed-in request makes this read; common/raw-read.ts)
    const user =
      Number.isSafeInteger(id) && id > 0
        ? await unscoped(async () => {
            const [found] = await rawEntities(this.ds, User, 'u', { where: '`u`.`id` = ?', tail: 'LIMIT 1' }, [id]);
            return found?.entity ?? null;
          })
        : null;
    if (!user || !user.active) return { user: null, reason: 'This account is no longer active' };
    if (payload.sv !== user.sessionVersion) return { user: null, reason: 'This session has ended (the password, role or account changed); sign in again' };
    const session = { signedInAt: new Date((payload.iat ?? 0) * 1000), ip: typeof payload.ip === 'string' ? payload.ip : null };
    return { user: { ...toCurrentUser(user), session } };
  }

  /**
   * On first start: an ADMIN from ADMIN_PASSWORD, or with a random password that is printed once
   * (and, having been in a log, must be changed at the first sign-in). On any later start
   * ADMIN_PASSWORD changes nothing, and the log says so (and how to reset a password).
   */
  async ensureAdmin(log: (line: string) => void): Promise<void> {
    if ((await this.ds.getRepository(User).count()) > 0) {
      // the newcomer's trap: a password put in .env after the first start would otherwise do nothing, silently
      if (this.config.adminPassword) {
        log(`ADMIN_PASSWORD is ignored: it sets the first admin's password only, and users exist already. To give "${this.config.adminUsername}" a new password: npm run admin:reset-password`);
      }
      return;
    }
    const password = this.config.adminPassword ?? randomBytes(12).toString('base64url');
    const user = this.ds.getRepository(User).create({
      username: this.config.adminUsername,
      displayName: '系统管理员',
      passwordHash: await hashPassword(password),
      role: Role.ADMIN,
      unitId: null,
      active: true,
      mustChangePassword: !this.config.adminPassword,
    });
    await this.tx.run(async (em) => {
      const saved = await em.save(user);
      await this.audit.record(em, SYSTEM_ACTOR, { action: 'CREATE', entityType: 'User', entityId: saved.id, after: { username: saved.username, role: saved.role } });
    });
    if (this.config.adminPassword) log(`Created admin user "${user.username}" with the password from ADMIN_PASSWORD.`);
    else log(`Created admin user "${user.username}" with password: ${password}  (shown once; you will be asked to change it at the first sign-in)`);
  }

  /**
   * Accounts that act in every office: users without a jurisdiction besides the first admin. Issue 14
   * gave unit staff their unit's office and left the others at the root, where they were before; an
   * upgrade prints them at every start until each has an office (or is meant to run the platform).
   */
  async warnOfficeless(log: (line: string) => void): Promise<void> {
    const users = await unscoped(() => this.ds.getRepository(User).find({ where: { jurisdictionId: IsNull(), active: true }, order: { id: 'ASC' }, take: 51 }));
    const others = users.slice(1);
    if (!others.length) return;
    const names = others.slice(0, 49).map((u) => `${u.username} (${u.role})`);
    log(
      `${others.length > 49 ? 'More than 49' : others.length} active user(s) belong to no office and act in every office: ${names.join(', ')}. Give each an office under 用户 unless they run the platform.`,
    );
  }

  /** A token for the user's current session version; `ip` is where this session signed in. */
  private async issue(user: User, ip: string | null): Promise<SignedIn> {
    const token = await new SignJWT({ role: user.role, sv: user.sessionVersion, ...(ip ? { ip } : {}) })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(user.id))
      .setIssuedAt()
      .setExpirationTime(this.config.jwtTtl)
      .sign(this.key);
    return { token, expiresAt: new Date(decodeJwt(token).exp! * 1000), user, mustChangePassword: user.mustChangePassword };
  }
}

/** Letters and digits that cannot be taken for one another when read out or copied by hand (no 0/O, 1/l/I). */
const TEMPORARY_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A temporary password: 12 characters of TEMPORARY_ALPHABET (about 69 random bits), easy to read out and type once. */
export const newTemporaryPassword = (): string => Array.from({ length: 12 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join('');

const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';

/** One count per account whatever the case or padding (MySQL compares usernames case-insensitively). */
const accountKey = (username: string) => username.trim().toLowerCase().slice(0, 100);

const sessionFields = (u: User) => ({ username: u.username, mustChangePassword: u.mustChangePassword, sessionVersion: u.sessionVersion });

export function toCurrentUser(u: User): CurrentUser {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    unitId: u.unitId,
    jurisdictionId: u.jurisdictionId,
    mustChangePassword: u.mustChangePassword,
    passwordReset: u.passwordResetAt && u.passwordResetByName ? { byName: u.passwordResetByName, at: u.passwordResetAt } : null,
  };
}

/**
 * 用户管理 (ADMIN): passwords are hashed on the way in and never leave; UNIT_STAFF needs a unit. A
 * password set for someone else (creation or reset) is recorded with who set it and must be changed
 * at the user's next sign-in; a new password, role or deactivation ends the user's sessions.
 */
export class UserService extends CrudService<User, UserFilter> {
  async create(input: ObjectLiteral, actor: Actor): Promise<User> {
    return super.create({ ...(await this.withHash(await this.withUnitJurisdiction(input))), ...setByOther(actor) }, actor);
  }

  /** A user given a unit and no jurisdiction works where the unit is. */
  private async withUnitJurisdiction(input: ObjectLiteral): Promise<ObjectLiteral> {
    if (input.jurisdictionId !== undefined || input.unitId == null) return input;
    const unit = await this.ds.getRepository(Unit).findOneBy({ id: toId(input.unitId, 'unitId') });
    return unit ? { ...input, jurisdictionId: unit.jurisdictionId } : input;
  }

  async update(id: number, input: ObjectLiteral, actor: Actor): Promise<User> {
    const data = this.normalize(await this.withHash(await this.withUnitJurisdiction(input)), false);
    const reset = data.passwordHash !== undefined;
    const byOther = actor.user?.id !== id;
    return this.tx.run(async (em) => {
      const current = await this.lockRow(em, id);
      const next = Object.assign(em.create(User, { ...current }), data);
      if (reset && byOther) Object.assign(next, setByOther(actor));
      if (reset || next.role !== current.role || next.active !== current.active || next.jurisdictionId !== current.jurisdictionId) next.sessionVersion = current.sessionVersion + 1;
      await this.checkReferences(em, data);
      await this.checkScope(em, next);
      await this.validate(em, next, current, actor);
      await this.checkUnique(em, next, data);
      const saved = await this.save(em, next);
      await this.audit.record(em, actor, {
        action: reset ? (byOther ? 'PASSWORD_RESET' : 'PASSWORD_CHANGE') : 'UPDATE',
        entityType: this.typeName,
        entityId: id,
        before: this.snapshot(current),
        after: { ...this.snapshot(saved), ...(reset ? { passwordSetBy: actor.user?.username ?? 'system', user: saved.username } : {}) },
      });
      return saved;
    });
  }

  /**
   * 重置密码: someone else's password becomes a temporary one (made here unless `given`, as the
   * command line may), answered once and never stored but as its hash. The user must choose their own
   * at the next sign-in and their sessions end. By an ADMIN in the console, or by the system from
   * `npm run admin:reset-password` (who: "system"); an ADMIN's own password is changed, not reset.
   */
  async resetPassword(id: number, actor: Actor, given?: string): Promise<{ temporaryPassword: string; user: User }> {
    if (actor.user && actor.user.id === id) throw badInput('id', 'Change your own password with changePassword', 'OWN_PASSWORD');
    const temporaryPassword = given ?? newTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    const by = actor.user?.username ?? 'system';
    const user = await this.tx.run(async (em) => {
      const current = await this.lockRow(em, id);
      const next = Object.assign(em.create(User, { ...current }), {
        passwordHash,
        mustChangePassword: true,
        passwordResetById: actor.user?.id ?? null,
        passwordResetByName: by,
        passwordResetAt: new Date(),
        sessionVersion: current.sessionVersion + 1,
      });
      const saved = await this.save(em, next);
      await this.audit.record(em, actor, {
        action: 'PASSWORD_RESET',
        entityType: this.typeName,
        entityId: id,
        before: this.snapshot(current),
        after: { ...this.snapshot(saved), passwordSetBy: by, user: saved.username },
      });
      return saved;
    });
    return { temporaryPassword, user };
  }

  private async withHash(input: ObjectLiteral): Promise<ObjectLiteral> {
    const { password, ...rest } = input;
    return password === undefined || password === null ? rest : { ...rest, passwordHash: await hashPassword(String(password)) };
  }

  protected async validate(em: EntityManager, next: User, before: User | null, actor: Actor): Promise<void> {
    if (next.role === Role.UNIT_STAFF && next.unitId == null) throw badInput('unitId', 'A UNIT_STAFF user must belong to a unit', 'REQUIRED');
    if (next.role === Role.UNIT_STAFF) {
      const unit = await em.findOneBy(Unit, { id: next.unitId! });
      if (unit && unit.jurisdictionId !== next.jurisdictionId) {
        throw badInput('jurisdictionId', `A UNIT_STAFF user works where their unit is (jurisdiction ${unit.jurisdictionId})`, 'UNIT_ELSEWHERE');
      }
    }
    if (before && before.id === actor.user?.id && (next.role !== Role.ADMIN || !next.active)) {
      throw badInput('role', 'You cannot remove your own admin rights or deactivate yourself', 'OWN_ACCOUNT');
    }
  }
}

/** A password someone else chose: who and when, and the user must pick their own at next sign-in. */
function setByOther(actor: Actor): Partial<User> {
  if (!actor.user) return {};
  return { mustChangePassword: true, passwordResetById: actor.user.id, passwordResetByName: actor.user.username, passwordResetAt: new Date() };
}
