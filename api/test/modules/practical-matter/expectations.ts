import type { ModuleExpectations } from '../../module-expectations';

/** The practical-matter module's rows of the permission matrix and its part of the audit test. */
export const expectations: ModuleExpectations = {
  permissions: {
    PracticalMatter: 'SIGNED_IN',
    allPracticalMatters: 'SIGNED_IN',
    _allPracticalMattersMeta: 'SIGNED_IN',
    // the community's staff keep their compounds' matters, the office its subtree's (common/scope.ts 'fact')
    createPracticalMatter: 'REPORTERS',
    updatePracticalMatter: 'REPORTERS',
    advancePracticalMatter: 'REPORTERS',
  },
  async audit({ once, gql }) {
    const {
      allJurisdictions: [community],
    } = (await gql('{ allJurisdictions(perPage: 1, filter: { level: COMMUNITY }) { id } }')).data;
    const compound = (await gql(`mutation { createCompound(name: "实事审计用小区", communityId: "${community.id}", managementMode: NONE) { id } }`)).data.createCompound;
    const created = await once(
      'createPracticalMatter',
      `mutation { createPracticalMatter(compoundId: "${compound.id}", kind: MICRO_PROJECT, category: LIGHTING, title: "更换楼道路灯", openedOn: "2026-01-05") { id } }`,
    );
    expect(created.event).toMatchObject({ action: 'CREATE', entityType: 'PracticalMatter', before: null, after: { status: 'OPEN', openedOn: '2026-01-05' } });
    const updated = await once('updatePracticalMatter', `mutation { updatePracticalMatter(id: "${created.data.id}", plan: "本月内更换 12 盏") { id } }`);
    expect(updated.event).toMatchObject({ action: 'UPDATE', before: { plan: null }, after: { plan: '本月内更换 12 盏' } });
    const moved = await once('advancePracticalMatter', `mutation { advancePracticalMatter(id: "${created.data.id}", to: CLOSED, date: "2026-01-20", evidence: "已更换 12 盏，照片见附件") { id } }`);
    expect(moved.event).toMatchObject({ action: 'PRACTICAL_MATTER_CLOSED', before: { status: 'OPEN' }, after: { status: 'CLOSED', closedOn: '2026-01-20' } });
  },
};
