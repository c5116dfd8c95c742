import type { CompoundFlagDef } from '../organization/compound-flags';
import { PartyOrganization } from './party-organization.entity';

/** Coverage as a condition on a compound (alias `e`) on the day `:asOf` (organization/compound-flags.ts; rules.coveredOn says the same). */
export const PARTY_ORGANIZATION_FLAGS: CompoundFlagDef[] = [
  {
    flag: 'NO_PARTY_ORGANIZATION',
    description: '无党组织: no party organisation of any form serves the compound (002 一.2 党组织全覆盖; 004 二(一) 应建尽建)',
    condition: (ds) =>
      `NOT EXISTS (SELECT 1 FROM ${ds.getMetadata(PartyOrganization).tableName} p WHERE p.compoundId = e.id AND p.formedOn <= :asOf AND (p.dissolvedOn IS NULL OR p.dissolvedOn >= :asOf))`,
  },
];
