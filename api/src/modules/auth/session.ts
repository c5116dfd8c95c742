import type { Actor } from '../../common/context';

/** For this many days after someone else set a user's password, what the user signs says so. */
export const PASSWORD_RESET_NOTICE_DAYS = 30;

/** The signing session a workflow step records (payout transitions): the columns of PayoutTransition. */
export interface SigningSession {
  signedInAt: Date | null;
  signedInFrom: string | null;
  signerIp: string | null;
  signerPasswordSetBy: string | null;
  signerPasswordSetAt: Date | null;
}

/**
 * 签署会话: when and where the signer's session signed in, where this step came from, and — if someone
 * else set the signer's password in the last 30 days — who and when. An ADMIN who resets an officer's
 * password and signs as them cannot do so silently: the payout shows it.
 */
export function signingSession(actor: Actor, now = new Date()): SigningSession {
  const user = actor.user;
  const reset = user?.passwordReset;
  const recent = reset && now.getTime() - reset.at.getTime() < PASSWORD_RESET_NOTICE_DAYS * 86_400_000 ? reset : null;
  return {
    signedInAt: user?.session?.signedInAt ?? null,
    signedInFrom: user?.session?.ip?.slice(0, 45) ?? null,
    signerIp: actor.ip?.slice(0, 45) ?? null,
    signerPasswordSetBy: recent?.byName ?? null,
    signerPasswordSetAt: recent?.at ?? null,
  };
}
