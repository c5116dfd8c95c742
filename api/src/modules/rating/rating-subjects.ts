import type { EntityManager } from 'typeorm';
import { jurisdictionTree, unscoped } from '../../common/scope';
import { Compound } from '../organization/compound.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { OwnersCommittee } from '../owners-committee/owners-committee.entity';
import { PartyOrganization } from '../party-organization/party-organization.entity';
import { In } from 'typeorm';

/**
 * A scheme's periods rate only subjects within the area of the office that issued it (issue 14): a
 * property company registered there (注册地) or serving a compound there, a party organisation or an
 * owners' committee of a compound there. A scheme of the platform (no office) rates anyone. The
 * check reads the whole area whoever writes (the scheme's area is what counts, not the writer's).
 */
export async function companiesWithin(em: EntityManager, schemeJurisdictionId: number | null, companyIds: number[]): Promise<Set<number>> {
  if (schemeJurisdictionId == null || !companyIds.length) return new Set(companyIds);
  const area = [...(await jurisdictionTree(em.connection)).subtree(schemeJurisdictionId)];
  return unscoped(async () => {
    const registered = await em.find(PropertyCompany, { select: { id: true }, where: { id: In(companyIds), jurisdictionId: In(area) } });
    const serving = await em.find(Compound, { select: { propertyCompanyId: true }, where: { propertyCompanyId: In(companyIds), communityId: In(area) } });
    return new Set([...registered.map((c) => c.id), ...serving.map((c) => c.propertyCompanyId!)]);
  });
}

/** Whether a party organisation (by the jurisdiction it comes under) or an owners' committee's compound lies in the scheme's area. */
export async function compoundWithin(em: EntityManager, schemeJurisdictionId: number | null, of: { partyOrganizationId?: number | null; ownersCommitteeId?: number | null }): Promise<boolean> {
  if (schemeJurisdictionId == null) return true;
  const area = (await jurisdictionTree(em.connection)).subtree(schemeJurisdictionId);
  return unscoped(async () => {
    // a party organisation (a compound's or a company's) comes under its jurisdictionId: a compound's community
    if (of.partyOrganizationId != null) {
      const org = await em.findOneBy(PartyOrganization, { id: of.partyOrganizationId });
      return org != null && area.includes(org.jurisdictionId);
    }
    const holder = of.ownersCommitteeId != null ? await em.findOneBy(OwnersCommittee, { id: of.ownersCommitteeId }) : null;
    const compound = holder ? await em.findOneBy(Compound, { id: holder.compoundId }) : null;
    return compound != null && area.includes(compound.communityId);
  });
}
