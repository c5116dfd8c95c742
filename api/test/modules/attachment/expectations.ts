import type { ModuleExpectations } from '../../module-expectations';
import { png } from './files';

/** The attachment module's rows of the permission matrix and its part of the audit test. */
export const expectations: ModuleExpectations = {
  permissions: {
    // read by whoever reads the record; removed by whoever may change it (unit staff: what they uploaded)
    Attachment: 'SIGNED_IN',
    allAttachments: 'SIGNED_IN',
    _allAttachmentsMeta: 'SIGNED_IN',
    deleteAttachment: 'REPORTERS',
  },
  async audit({ once, gql, post }) {
    const {
      allJurisdictions: [community],
    } = (await gql('{ allJurisdictions(perPage: 1, filter: { level: COMMUNITY }) { id } }')).data;
    const compound = (await gql(`mutation { createCompound(name: "附件审计用小区", communityId: "${community.id}", managementMode: NONE) { id } }`)).data.createCompound;
    const disclosure = (await gql(`mutation { createRevenueDisclosure(compoundId: "${compound.id}", year: 2025, quarter: 1, disclosedOn: "2025-04-20", evidence: "公示栏") { id } }`)).data
      .createRevenueDisclosure;
    // the upload (POST /files, not a mutation) leaves one event too
    const before = (await gql('{ _allAuditEventsMeta { count } }')).data._allAuditEventsMeta.count;
    const uploaded = await post(`/files?targetType=RevenueDisclosure&targetId=${disclosure.id}&name=${encodeURIComponent('公示照片.png')}`, png());
    expect(uploaded.status).toBe(201);
    expect((await gql('{ _allAuditEventsMeta { count } }')).data._allAuditEventsMeta.count).toBe(before + 1);
    const [upload] = (await gql(`{ allAuditEvents(perPage: 1, filter: { entityType: "Attachment", entityId: "${uploaded.body.id}" }) { action jurisdictionId after } }`)).data.allAuditEvents;
    expect(upload).toMatchObject({ action: 'UPLOAD', jurisdictionId: community.id, after: { fileName: '公示照片.png', targetType: 'RevenueDisclosure', mimeType: 'image/png' } });
    const removed = await once('deleteAttachment', `mutation { deleteAttachment(id: "${uploaded.body.id}") { id } }`);
    expect(removed.event).toMatchObject({ action: 'DELETE', entityType: 'Attachment', entityId: uploaded.body.id, before: { fileName: '公示照片.png' }, after: null });
  },
};
