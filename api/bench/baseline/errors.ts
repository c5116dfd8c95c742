/** A refusal the baseline answers as the API would: a GraphQL error with extensions.code and reason. */
export class Refusal extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly reason?: string,
  ) {
    super(message);
  }
}

/** Who asks: a signed-in user (their office and role) or a partner key (its office, role PARTNER). */
export interface Viewer {
  userId: number;
  jurisdictionId: number | null;
  role: string;
  /** For a user: their username (the name steps are signed with), and the session the token tells of. */
  username?: string;
  signedInAt?: string | null;
  signedInFrom?: string | null;
  ip?: string | null;
}
