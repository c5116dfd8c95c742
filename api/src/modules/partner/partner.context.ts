import type { Loaders } from '../../common/loaders';
import type { Services } from '../../services';
import type { PartnerKey } from './partner-key.entities';

/** Per-request context of the partner endpoint: the key, fresh loaders, and what the request looked up. */
export interface PartnerContext {
  key: PartnerKey;
  requestId: string;
  loaders: Loaders;
  services: Services;
  /** 统一社会信用代码 of every company asked for or returned, for the access log. */
  looked: Set<string>;
}
