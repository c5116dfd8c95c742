import type { ModuleExpectations } from '../../module-expectations';

/** The property-service module's rows of the permission matrix and its part of the audit test. */
export const expectations: ModuleExpectations = {
  permissions: {
    ServiceCoverage: 'SIGNED_IN',
    allServiceCoverages: 'SIGNED_IN',
    _allServiceCoveragesMeta: 'SIGNED_IN',
    createServiceCoverage: 'REPORTERS',
    updateServiceCoverage: 'REPORTERS',
    deleteServiceCoverage: 'EDITORS',
  },
  async audit({ once, gql }) {
    const {
      allJurisdictions: [community],
    } = (await gql('{ allJurisdictions(perPage: 1, filter: { level: COMMUNITY }) { id } }')).data;
    const compound = (await gql(`mutation { createCompound(name: "覆盖审计用小区", communityId: "${community.id}", managementMode: NONE) { id } }`)).data.createCompound;
    const made = await once('createServiceCoverage', `mutation { createServiceCoverage(compoundId: "${compound.id}", mode: COMMUNITY_FALLBACK, since: "2025-01-01") { id } }`);
    expect(made.event).toMatchObject({ action: 'CREATE', entityType: 'ServiceCoverage', after: { mode: 'COMMUNITY_FALLBACK', since: '2025-01-01' } });
    const fixed = await once('updateServiceCoverage', `mutation { updateServiceCoverage(id: "${made.data.id}", note: "社区兜底保洁") { id } }`);
    expect(fixed.event).toMatchObject({ action: 'UPDATE', before: { note: null }, after: { note: '社区兜底保洁' } });
    await once('deleteServiceCoverage', `mutation { deleteServiceCoverage(id: "${made.data.id}") { id } }`);
  },
};
