import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'ra-core';

const common = { id: 'ID', createdAt: 'Created', updatedAt: 'Updated', sourceDocumentId: 'Source document', sourceClauseId: 'Source clause', q: 'Search' };

/** English. Same keys as zh.ts. */
const en: TranslationMessages = {
  ...englishMessages,
  resources: {
    PolicyDocument: {
      name: 'Document |||| Documents',
      fields: { ...common, docNumber: 'Document number', indexNumber: 'Index number', issuer: 'Issuer', title: 'Title', issueDate: 'Issued', validFrom: 'Valid from', validTo: 'Valid to', isPublic: 'Public', note: 'Note', clauses: 'Clauses', citations: 'Cites' },
    },
    Clause: { name: 'Clause |||| Clauses', fields: { ...common, documentId: 'Document', number: 'Number', title: 'Title', text: 'Text', sortOrder: 'Order' } },
    DocumentCitation: { name: 'Citation |||| Citations', fields: { ...common, citingDocumentId: 'Citing document', citedDocumentId: 'Cited document', citedTitle: 'Cited title', citedDocNumber: 'Cited number', clauseId: 'In clause', sortOrder: 'Order' } },
    Jurisdiction: { name: 'Jurisdiction |||| Jurisdictions', fields: { ...common, name: 'Name', level: 'Level', parentId: 'Parent', code: 'Code' } },
    Unit: { name: 'Unit |||| Units', fields: { ...common, name: 'Name', kind: 'Kind', jurisdictionId: 'Jurisdiction', aliases: 'Aliases' } },
    PropertyCompany: { name: 'Property company |||| Property companies', fields: { ...common, name: 'Name', uscc: 'Credit code', jurisdictionId: 'Registered in', address: 'Address' } },
    Compound: { name: 'Compound |||| Compounds', fields: { ...common, name: 'Name', communityId: 'Community', propertyCompanyId: 'Property company', managementMode: 'Management', address: 'Address' } },
    Person: { name: 'Person |||| People', fields: { ...common, name: 'Name', phone: 'Phone', note: 'Note' } },
    Post: { name: 'Post |||| Posts', fields: { ...common, title: 'Post', jurisdictionId: 'Jurisdiction', unitId: 'Unit' } },
    PostHolding: { name: 'Post holding |||| Post holdings', fields: { ...common, postId: 'Post', personId: 'Person', validFrom: 'From', validTo: 'To' } },
    WorkingGroup: { name: 'Working group |||| Working groups', fields: { ...common, name: 'Name', kind: 'Kind', documentId: 'Document', parentId: 'Parent group', hostUnitId: 'Host unit', hostedAt: 'Attached to', duties: 'Duties', members: 'Members' } },
    Membership: {
      name: 'Member |||| Members',
      fields: { ...common, groupId: 'Working group', personId: 'Name', role: 'Role', sortOrder: 'Order', postId: 'Post', concurrent: 'Concurrent', validFrom: 'From', validTo: 'To', asOf: 'As of' },
    },
    User: { name: 'User |||| Users', fields: { ...common, username: 'Username', displayName: 'Name', password: 'Password', role: 'Role', unitId: 'Unit', active: 'Active' } },
    AuditEvent: {
      name: 'Audit event |||| Audit events',
      fields: { id: 'ID', at: 'When', actorId: 'Actor ID', actorName: 'Who', action: 'Action', entityType: 'Type', entityId: 'Record', before: 'Before', after: 'After', requestId: 'Request', from: 'From', to: 'To' },
    },
  },
  enums: {
    GroupRole: { LEADER: 'Leader', EXECUTIVE_DEPUTY: 'Executive deputy', DEPUTY: 'Deputy', MEMBER: 'Member', GROUP_MEMBER: 'Group member', DIRECTOR: 'Director', DEPUTY_DIRECTOR: 'Deputy director' },
    GroupKind: { GROUP: 'Working group', OFFICE: 'Office', SUB_GROUP: 'Sub-group' },
    JurisdictionLevel: { PROVINCE: 'Province', CITY: 'City', COUNTY: 'County / district', TOWNSHIP: 'Street / town', COMMUNITY: 'Community / village' },
    UnitKind: { OFFICE: 'Office', STATION: 'Station', COMMUNITY: 'Community', CENTER: 'Centre / post', DEPARTMENT: 'Department', OTHER: 'Other' },
    ManagementMode: { PROFESSIONAL: 'Professional', STATE_OWNED: 'State-owned', SELF_MANAGED: 'Self-managed', COMMUNITY_FALLBACK: 'Community fallback', NONE: 'None' },
    Role: { ADMIN: 'Administrator', PARTY_OFFICE: 'Party-building office', UNIT_STAFF: 'Unit staff', AUDITOR: 'Auditor' },
    AuditAction: { CREATE: 'Created', UPDATE: 'Changed', DELETE: 'Deleted', LOGIN: 'Signed in', SUCCESSION: 'Succession', REORDER: 'Reordered', SEED: 'Seeded', IMPORT: 'Imported' },
  },
  app: {
    title: 'Property party-building',
    auth: { wrong_credentials: 'Wrong username or password', session_expired: 'Your session has expired; sign in again' },
    menu: { documents: 'Documents', organization: 'Organisation', rosters: 'Working groups', system: 'System' },
    dashboard: { welcome: 'Property party-building platform', intro: 'Policy documents, organisation, working-group rosters and the audit trail.', groups: 'Working groups', members: 'Current members', documents: 'Documents', units: 'Units' },
    roster: {
      as_of: 'As of',
      today: 'Today',
      concurrent: 'concurrent',
      no_post: '—',
      sub_groups: 'Offices and sub-groups',
      empty: 'Nobody held a seat on that date',
      add_member: 'Add member',
      members_count: '%{count} people',
    },
    succession: {
      button: 'Record succession',
      title: 'Record succession: %{post}',
      successor: 'Successor',
      predecessor: 'Predecessor',
      date: 'Date',
      date_help: 'The successor holds the post from this day; the predecessor\'s seats end the day before',
      summary: 'These seats of %{from} pass to %{to} on %{date}:',
      no_seats: 'No working-group seat is tied to this post',
      confirm: 'Confirm succession',
      done: 'Succession recorded',
    },
    history: { title: 'History', empty: 'No changes recorded', field: 'Field', before: 'Before', after: 'After', system: 'system' },
    validation: { code: 'A GB/T 2260 code has 6 digits', uscc: 'Not a valid unified social credit code (18 characters, check character)', end_before_start: 'The end cannot be before the start' },
    org: { children: 'Sub-jurisdictions' },
    document: { summary: 'Summary' },
    sections: { holdings: 'Posts held', memberships: 'Seats', units: 'Units', compounds: 'Compounds' },
    source: 'Source',
  },
};

export default en;
