import { usccCheckChar } from '../../../src/common/uscc';
import type { ModuleExpectations } from '../../module-expectations';

/**
 * The party-organisation ledger's rows of the permission matrix and its part of the audit test.
 * PartyOrganization's own CRUD rows stay where they were first written (permission-matrix.test.ts,
 * audit.test.ts); these are the records issue 15 adds.
 */
export const expectations: ModuleExpectations = {
  permissions: {
    // the community records which of its committee members are in the branch, and may remove a link it entered by mistake
    PartyOrganizationMember: 'SIGNED_IN',
    allPartyOrganizationMembers: 'SIGNED_IN',
    _allPartyOrganizationMembersMeta: 'SIGNED_IN',
    createPartyOrganizationMember: 'REPORTERS',
    updatePartyOrganizationMember: 'REPORTERS',
    deletePartyOrganizationMember: 'REPORTERS',
    // the office decides which companies it counts as 三有 (004 二(一): 党建办 leads)
    ThreeHaveDesignation: 'SIGNED_IN',
    allThreeHaveDesignations: 'SIGNED_IN',
    _allThreeHaveDesignationsMeta: 'SIGNED_IN',
    createThreeHaveDesignation: 'EDITORS',
    updateThreeHaveDesignation: 'EDITORS',
    deleteThreeHaveDesignation: 'EDITORS',
  },
  async audit({ once, gql }) {
    const {
      allJurisdictions: [community],
    } = (await gql('{ allJurisdictions(perPage: 1, filter: { level: COMMUNITY }) { id } }')).data;
    const compound = (await gql(`mutation { createCompound(name: "党组织审计用小区", communityId: "${community.id}", managementMode: NONE) { id } }`)).data.createCompound;
    const committee = (await gql(`mutation { createOwnersCommittee(compoundId: "${compound.id}", kind: ELECTED, formedOn: "2024-01-01") { id } }`)).data.createOwnersCommittee;
    const member = (await gql(`mutation { createCommitteeMember(committeeId: "${committee.id}", name: "审计党员委员", role: DIRECTOR, politicalStatus: CPC_MEMBER) { id } }`)).data
      .createCommitteeMember;
    const branch = (await gql(`mutation { createPartyOrganization(compoundId: "${compound.id}", form: SINGLE, formalMemberCount: 5, name: "审计党支部", formedOn: "2024-01-01") { id } }`)).data
      .createPartyOrganization;

    const link = await once(
      'createPartyOrganizationMember',
      `mutation { createPartyOrganizationMember(partyOrganizationId: "${branch.id}", committeeMemberId: "${member.id}", branchRole: MEMBER) { id } }`,
    );
    expect(link.event).toMatchObject({ action: 'CREATE', entityType: 'PartyOrganizationMember', after: { branchRole: 'MEMBER' } });
    const seat = await once('updatePartyOrganizationMember', `mutation { updatePartyOrganizationMember(id: "${link.data.id}", branchRole: SECRETARY) { id } }`);
    expect(seat.event).toMatchObject({ action: 'UPDATE', before: { branchRole: 'MEMBER' }, after: { branchRole: 'SECRETARY' } });
    const gone = await once('deletePartyOrganizationMember', `mutation { deletePartyOrganizationMember(id: "${link.data.id}") { id } }`);
    expect(gone.event).toMatchObject({ action: 'DELETE', entityType: 'PartyOrganizationMember', after: null });

    const base = '91350582MA2PC0015';
    const company = (await gql(`mutation { createPropertyCompany(name: "三有审计物业", uscc: "${base}${usccCheckChar(base)}") { id } }`)).data.createPropertyCompany;
    const designated = await once(
      'createThreeHaveDesignation',
      `mutation { createThreeHaveDesignation(propertyCompanyId: "${company.id}", jurisdictionId: "${community.id}", designatedOn: "2024-11-01", basis: "有党员、有项目、有场所") { id } }`,
    );
    expect(designated.event).toMatchObject({ action: 'CREATE', entityType: 'ThreeHaveDesignation', after: { designatedOn: '2024-11-01' } });
    const ended = await once('updateThreeHaveDesignation', `mutation { updateThreeHaveDesignation(id: "${designated.data.id}", endedOn: "2024-12-31") { id } }`);
    expect(ended.event).toMatchObject({ action: 'UPDATE', before: { endedOn: null }, after: { endedOn: '2024-12-31' } });
    await once('deleteThreeHaveDesignation', `mutation { deleteThreeHaveDesignation(id: "${designated.data.id}") { id } }`);
  },
};
