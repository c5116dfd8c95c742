import type { ModuleExpectations } from '../../module-expectations';

/** The public-notice module's rows of the permission matrix and its part of the audit test. */
export const expectations: ModuleExpectations = {
  permissions: {
    NoticeLink: 'SIGNED_IN',
    allNoticeLinks: 'SIGNED_IN',
    _allNoticeLinksMeta: 'SIGNED_IN',
    createNoticeLink: 'REPORTERS',
    revokeNoticeLink: 'REPORTERS',
  },
  async audit({ once, gql }) {
    const {
      allJurisdictions: [community],
    } = (await gql('{ allJurisdictions(perPage: 1, filter: { level: COMMUNITY }) { id } }')).data;
    const compound = (await gql(`mutation { createCompound(name: "公示审计用小区", communityId: "${community.id}", managementMode: NONE) { id } }`)).data.createCompound;
    const made = await once('createNoticeLink', `mutation { createNoticeLink(kind: COMMITTEE_BOARD, targetId: "${compound.id}") { link { id } path } }`);
    expect(made.event).toMatchObject({ action: 'CREATE', entityType: 'NoticeLink', after: { kind: 'COMMITTEE_BOARD', revokedOn: null } });
    // the token's hash is not in the trail
    expect(JSON.stringify(made.event)).not.toContain('tokenHash');
    const revoked = await once('revokeNoticeLink', `mutation { revokeNoticeLink(id: "${made.data.link.id}") { id } }`);
    expect(revoked.event).toMatchObject({ action: 'UPDATE', before: { revokedOn: null } });
  },
};
