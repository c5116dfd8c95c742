import type { Loaders } from '../../common/loaders';
import type { RequestFacts } from '../../common/request-log';
import type { Services } from '../../common/context';
import type { PartnerKey } from './partner-key.entities';

/** Per-request context of the partner endpoint: the key, fresh loaders, and what the request looked up. */
export interface PartnerContext {
  /** The X-Api-Key header, checked once the request has passed the query limits (partner.endpoint.ts `gate`). */
  apiKey?: string;
  /** Set by the key check; resolvers run only after it succeeded. */
  key?: PartnerKey;
  /** The key check's outcome, for the access log (absent when the request was refused before it). */
  checked?: { keyId: number | null };
  requestId: string;
  /** The client's address: requests without a valid key are rate-limited per address. */
  ip?: string | null;
  loaders: Loaders;
  services: Services;
  /** 统一社会信用代码 of every company asked for or returned, for the access log. */
  looked: Set<string>;
  cost?: number;
  facts?: RequestFacts;
}
