/** The shape of the JSON files in seeds/ (see README.md). */
export interface SourceRef {
  document: string;
  clause?: string | null;
}

export interface DocumentSeed {
  key: string;
  /** The jurisdiction that issued the document and owns it (issue 14): our mapping of the printed issuer, not printed text. */
  owner: string;
  file: string;
  docNumber: string | null;
  indexNumber: string | null;
  issuer: string;
  title: string;
  issueDate: string | null;
  validFrom: string | null;
  validTo: string | null;
  isPublic: boolean;
  note: string | null;
  clauses: Array<{ key: string; number: string; title: string | null; text: string }>;
  citations: Array<{ citedTitle: string; citedDocNumber: string | null; clause: string | null }>;
}

export interface OrganizationSeed {
  jurisdictions: Array<{ key: string; name: string; level: string; parent: string | null; code: string | null; source: SourceRef }>;
  units: Array<{ key: string; name: string; kind: string; jurisdiction: string; aliases: string[]; source: SourceRef }>;
}

export interface MemberSeed {
  person: string;
  role: string;
  order: number;
  post: string | null;
  postJurisdiction: string | null;
  concurrent: boolean;
  source?: SourceRef;
}

export interface RosterSeed {
  groups: Array<{
    key: string;
    name: string;
    kind: string;
    document: string;
    parent: string | null;
    hostUnit: string | null;
    hostedAt: string | null;
    duties: string | null;
    source: SourceRef;
    members: MemberSeed[];
  }>;
}

export interface ActionsSeed {
  document: string;
  plan: { key: string; name: string; source: SourceRef };
  actions: Array<{
    key: string;
    number: string;
    title: string;
    goal: string;
    goalDeadlines: Array<{ text: string; due: string }>;
    measures: Array<{
      key: string;
      number: string;
      title: string | null;
      text: string;
      milestones: Array<{ key: string; text: string; deadlineText: string; due: string }>;
    }>;
    leadUnits: string[];
    leadAllCommunities: boolean;
    responsibleUnits: string[];
    responsibleAllCommunities: boolean;
    leadPrinted: string;
    responsiblePrinted: string;
    source: SourceRef;
  }>;
}

export interface TaskListSeed {
  document: string;
  source: SourceRef;
  title: string;
  rows: Array<{ page: number; cells: string[] }>;
}
