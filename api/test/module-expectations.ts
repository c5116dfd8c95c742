import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/*
 * What a module's own test folder (api/test/modules/<module>/expectations.ts) tells the suite-wide
 * tests, so that adding a domain edits no central test: its rows of the permission matrix (who may
 * call its root fields) and its part of the audit test (one event per mutation, run through the audit
 * test's own `once`, so the "every mutation is audited" check counts them).
 */

/** The caller groups of the permission matrix (permission-matrix.test.ts defines them). */
export type CallerGroup = 'EVERYONE' | 'SIGNED_IN' | 'OWN_ACCOUNT' | 'EDITORS' | 'REPORTERS' | 'SIGNERS' | 'ADMIN' | 'AUDIT_READERS' | 'KEY_READERS';

/** What the audit test lends a module's audit part. */
export interface AuditKit {
  /** Runs one mutation as ADMIN and checks it left exactly one audit event (or `events`); returns its data and the newest event. */
  once(name: string, query: string, variables?: Record<string, unknown>, opts?: { token?: string; events?: number }): Promise<{ data: any; event: any }>;
  /** A query or mutation as ADMIN, without the audit check (setup). */
  gql(query: string, variables?: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }>;
  /** A plain HTTP POST as ADMIN (a module's own route: an upload); returns the status and the JSON body. */
  post(path: string, body: Buffer): Promise<{ status: number; body: any }>;
}

export interface ModuleExpectations {
  /** Root field → who may call it, for every root field the module adds to the admin schema. */
  permissions?: Record<string, CallerGroup>;
  /** Calls every mutation the module adds, through `kit.once`. */
  audit?: (kit: AuditKit) => Promise<void>;
}

/** Every module's expectations, by module folder name. */
export function moduleExpectations(): Array<ModuleExpectations & { module: string }> {
  const dir = join(__dirname, 'modules');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'expectations.ts')))
    .sort()
    .map((name) => ({ module: name, ...(require(join(dir, name, 'expectations.ts')) as { expectations: ModuleExpectations }).expectations }));
}
