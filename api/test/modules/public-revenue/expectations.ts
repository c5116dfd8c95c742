import type { ModuleExpectations } from '../../module-expectations';

/** The public-revenue module's rows of the permission matrix and its part of the audit test. */
export const expectations: ModuleExpectations = {
  permissions: {
    // the community records what was posted and audited in its compounds; the office removes a record made in error
    RevenueDisclosure: 'SIGNED_IN',
    allRevenueDisclosures: 'SIGNED_IN',
    _allRevenueDisclosuresMeta: 'SIGNED_IN',
    createRevenueDisclosure: 'REPORTERS',
    updateRevenueDisclosure: 'REPORTERS',
    deleteRevenueDisclosure: 'EDITORS',
    RevenueAudit: 'SIGNED_IN',
    allRevenueAudits: 'SIGNED_IN',
    _allRevenueAuditsMeta: 'SIGNED_IN',
    createRevenueAudit: 'REPORTERS',
    updateRevenueAudit: 'REPORTERS',
    deleteRevenueAudit: 'EDITORS',
    disclosureImportPreview: 'SIGNED_IN',
    importRevenueDisclosures: 'REPORTERS',
  },
  async audit({ once, gql }) {
    const {
      allJurisdictions: [community],
    } = (await gql('{ allJurisdictions(perPage: 1, filter: { level: COMMUNITY }) { id } }')).data;
    const compound = (await gql(`mutation { createCompound(name: "公共收益审计用小区", communityId: "${community.id}", managementMode: NONE) { id } }`)).data.createCompound;
    const made = await once(
      'createRevenueDisclosure',
      `mutation { createRevenueDisclosure(compoundId: "${compound.id}", year: 2025, quarter: 1, disclosedOn: "2025-04-20", evidence: "公示栏") { id } }`,
    );
    expect(made.event).toMatchObject({ action: 'CREATE', entityType: 'RevenueDisclosure', after: { year: 2025, quarter: 1, disclosedOn: '2025-04-20' } });
    const fixed = await once('updateRevenueDisclosure', `mutation { updateRevenueDisclosure(id: "${made.data.id}", evidence: "公示栏及业主群") { id } }`);
    expect(fixed.event).toMatchObject({ action: 'UPDATE', before: { evidence: '公示栏' }, after: { evidence: '公示栏及业主群' } });
    await once('deleteRevenueDisclosure', `mutation { deleteRevenueDisclosure(id: "${made.data.id}") { id } }`);
    const audited = await once(
      'createRevenueAudit',
      `mutation { createRevenueAudit(compoundId: "${compound.id}", year: 2024, auditor: "某会计师事务所", auditedOn: "2025-03-01", outcome: ISSUES_FOUND) { id } }`,
    );
    expect(audited.event).toMatchObject({ action: 'CREATE', entityType: 'RevenueAudit', after: { outcome: 'ISSUES_FOUND' } });
    const rectified = await once('updateRevenueAudit', `mutation { updateRevenueAudit(id: "${audited.data.id}", outcome: ISSUES_RECTIFIED) { id } }`);
    expect(rectified.event).toMatchObject({ before: { outcome: 'ISSUES_FOUND' }, after: { outcome: 'ISSUES_RECTIFIED' } });
    await once('deleteRevenueAudit', `mutation { deleteRevenueAudit(id: "${audited.data.id}") { id } }`);

    // one event for the whole sheet, naming the first disclosure it wrote
    const { name: communityName } = (await gql(`{ Jurisdiction(id: "${community.id}") { name } }`)).data.Jurisdiction;
    const imported = await once('importRevenueDisclosures', `mutation($rows: [DisclosureSheetRowInput!]!) { importRevenueDisclosures(rows: $rows) { added rows { disclosureId } } }`, {
      rows: [{ line: 2, community: communityName, compound: '公共收益审计用小区', year: '2025', quarter: '二', disclosedOn: '2025-07-10', evidence: '公示栏' }],
    });
    expect(imported.data.added).toBe(1);
    expect(imported.event).toMatchObject({
      action: 'IMPORT_REVENUE_DISCLOSURES',
      entityType: 'RevenueDisclosure',
      entityId: imported.data.rows[0].disclosureId,
      after: { added: 1, changed: 0, late: 0 },
    });
  },
};
