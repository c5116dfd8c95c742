import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../common/context';
import { Role } from '../common/roles';
import { unscoped } from '../common/scope';
import { createDataSource } from '../config/data-source';
import { ConfigError, loadConfig, readEnvFile } from '../config/env';
import { User } from '../modules/auth/user.entity';
import { createServices, type Services } from '../services';

/*
 * `npm run admin:reset-password`: a forgotten administrator's password, reset from the server's
 * command line (whoever can run this can read the database anyway). The account gets a temporary
 * password — printed, or the one given — which it must replace at the next sign-in; its sessions end;
 * the audit trail records PASSWORD_RESET by "system".
 *
 *   npm run admin:reset-password                                # the ADMIN named ADMIN_USERNAME (default admin), a random password
 *   npm run admin:reset-password -- --user qingyang-admin      # another ADMIN account
 *   RESET_PASSWORD='…' npm run admin:reset-password            # this temporary password (at least 8 characters)
 *   npm run admin:reset-password -- --password '…'             # the same (but it stays in the shell's history)
 */

export class ResetRefused extends Error {}

export interface ResetOptions {
  /** The ADMIN account (default: ADMIN_USERNAME). */
  username: string;
  /** The temporary password to set; absent: a random one. */
  password?: string;
}

export interface ResetDone {
  username: string;
  temporaryPassword: string;
  /** Whether the password was made here (and so must be shown). */
  generated: boolean;
  active: boolean;
}

/** Reads `--user <name>`, `--password <pw>` (or `--user=<name>`…) and RESET_PASSWORD; refuses anything else. */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv, adminUsername: string): ResetOptions {
  const out: ResetOptions = { username: adminUsername, password: env.RESET_PASSWORD || undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = inline ?? argv[++i];
    if ((flag !== '--user' && flag !== '--password') || value === undefined || value === '') {
      throw new ResetRefused(`Unknown or incomplete argument "${argv[i] ?? flag}". Usage: npm run admin:reset-password [-- --user <username>] [-- --password <temporary password>]`);
    }
    if (flag === '--user') out.username = value;
    else out.password = value;
  }
  if (out.password !== undefined && out.password.length < 8) throw new ResetRefused('The temporary password needs at least 8 characters');
  return out;
}

/** Resets the password of an ADMIN account, as the system. */
export async function resetAdminPassword(ds: DataSource, services: Services, o: ResetOptions): Promise<ResetDone> {
  // the command line acts on the whole platform: the account is found wherever it works
  const user = await unscoped(() => ds.getRepository(User).findOneBy({ username: o.username }));
  if (!user || user.role !== Role.ADMIN) {
    const admins = await unscoped(() => ds.getRepository(User).find({ where: { role: Role.ADMIN }, order: { id: 'ASC' }, take: 20 }));
    const known = admins.map((u) => u.username).join(', ') || 'none';
    throw new ResetRefused(`${user ? `"${o.username}" is not an ADMIN` : `No user "${o.username}"`}. ADMIN accounts: ${known}. Name one with --user <username>.`);
  }
  const done = await unscoped(() => services.user.resetPassword(user.id, SYSTEM_ACTOR, o.password));
  return { username: user.username, temporaryPassword: done.temporaryPassword, generated: o.password === undefined, active: user.active };
}

async function main(): Promise<void> {
  readEnvFile();
  const config = loadConfig();
  const options = parseArgs(process.argv.slice(2), process.env, config.adminUsername);
  const ds = await createDataSource(config.database);
  await ds.initialize();
  const services = createServices(ds, config);
  try {
    const done = await resetAdminPassword(ds, services, options);
    console.log(
      done.generated
        ? `The password of "${done.username}" is now: ${done.temporaryPassword}  (temporary: shown once; it must be changed at the next sign-in)`
        : `The password of "${done.username}" is now the one given (temporary: it must be changed at the next sign-in).`,
    );
    console.log('Every earlier session of the account has ended; the audit trail records PASSWORD_RESET by system.');
    if (!done.active) console.log(`Note: "${done.username}" is deactivated and cannot sign in until another ADMIN activates it (用户 › 启用).`);
    console.log('A sign-in lock-out after failed attempts lasts its window (RATE_LIMIT_LOGIN_USER), or until the server restarts when REDIS_URL is not set.');
  } finally {
    await services.limits.close();
    await ds.destroy();
  }
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err instanceof ResetRefused || err instanceof ConfigError ? err.message : err);
    process.exit(1);
  });
}
