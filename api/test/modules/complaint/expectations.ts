import type { ModuleExpectations } from '../../module-expectations';

/** The complaint module's rows of the permission matrix and its part of the audit test. */
export const expectations: ModuleExpectations = {
  permissions: {
    Complaint: 'SIGNED_IN',
    allComplaints: 'SIGNED_IN',
    _allComplaintsMeta: 'SIGNED_IN',
    createComplaint: 'EDITORS',
    updateComplaint: 'EDITORS',
    // the office of its area and the unit it is assigned to (the service checks which unit)
    complaintContact: 'REPORTERS',
    complaintFigures: 'SIGNED_IN',
    // the assigned unit's staff record the result (HANDLED); every other move is the office's
    advanceComplaint: 'REPORTERS',
  },
  async audit({ once, gql }) {
    const {
      allJurisdictions: [community],
      allUnits: [unit],
    } = (await gql('{ allJurisdictions(perPage: 1, filter: { level: COMMUNITY }) { id } allUnits(perPage: 1) { id } }')).data;
    const made = await gql(`mutation { createCompound(name: "投诉审计用小区", communityId: "${community.id}", managementMode: NONE) { id } }`);
    expect(made.errors).toBeUndefined();
    const compound = made.data.createCompound;
    const created = await once(
      'createComplaint',
      `mutation { createComplaint(compoundId: "${compound.id}", channel: HOTLINE_12345, category: ELEVATOR, summary: "电梯长期故障", receivedOn: "2026-01-05") { id } }`,
    );
    expect(created.event).toMatchObject({ action: 'CREATE', entityType: 'Complaint', before: null, after: { status: 'RECEIVED', receivedOn: '2026-01-05' } });
    const updated = await once('updateComplaint', `mutation { updateComplaint(id: "${created.data.id}", assignedUnitId: "${unit.id}") { id } }`);
    expect(updated.event).toMatchObject({ action: 'UPDATE', before: { assignedUnitId: null }, after: { assignedUnitId: Number(unit.id) } });
    const moved = await once('advanceComplaint', `mutation { advanceComplaint(id: "${created.data.id}", to: ASSIGNED, date: "2026-01-06") { id } }`);
    expect(moved.event).toMatchObject({ action: 'COMPLAINT_ASSIGNED', before: { status: 'RECEIVED' }, after: { status: 'ASSIGNED', assignedOn: '2026-01-06' } });
  },
};
