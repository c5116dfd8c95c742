/*
 * The attacks issue 12 reports against the unprotected server, as the bench sends them in a loop
 * (api/bench/hostile.bench.ts): each took the server down or starved everyone before the limits.
 */

export interface IssueAttack {
  name: string;
  path: '/graphql' | '/partner/graphql';
  /** Sent as UNIT_STAFF (the least-privileged role), with a partner key, or by nobody. */
  as: 'staff' | 'partner' | 'anonymous';
  /** The JSON body. */
  body: () => string;
}

const nest = (pair: [string, string], levels: number, leaf: string) => {
  let inner = leaf;
  for (let i = levels - 1; i >= 0; i--) inner = `${pair[i % 2]} { ${inner} }`;
  return inner;
};
const json = (query: string) => JSON.stringify({ query });

export const ISSUE_ATTACKS: IssueAttack[] = [
  { name: 'payout cycle, 25 levels', path: '/graphql', as: 'staff', body: () => json(`{ Payout(id: 7) { ${nest(['case', 'payouts'], 25, 'id')} } }`) },
  { name: 'fan-out cycle allTaskItems(perPage: 60)', path: '/graphql', as: 'staff', body: () => json(`{ allTaskItems(perPage: 60) { ${nest(['assignments', 'taskItem'], 5, 'id')} } }`) },
  {
    name: 'fan-out cycle allClauses(perPage: 1000)',
    path: '/graphql',
    as: 'staff',
    body: () => json('{ allClauses(perPage: 1000) { text document { clauses { text document { clauses { text } } } } } }'),
  },
  {
    name: '1,000 aliases of allAssignments(perPage: 1000)',
    path: '/graphql',
    as: 'staff',
    body: () => json(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: allAssignments(perPage: 1000) { id }`).join(' ')} }`),
  },
  {
    name: '100,000 variables, anonymous (1.5 MB)',
    path: '/graphql',
    as: 'anonymous',
    body: () => json(`query(${Array.from({ length: 100_000 }, (_, i) => `$v${i}: Int`).join(', ')}) { __typename }`),
  },
  { name: '100,000 variables, signed in', path: '/graphql', as: 'staff', body: () => json(`query(${Array.from({ length: 100_000 }, (_, i) => `$v${i}: Int`).join(', ')}) { __typename }`) },
  { name: '150,000 repeated selections, anonymous', path: '/graphql', as: 'anonymous', body: () => json(`{ ${'__typename '.repeat(150_000)}}`) },
  { name: '150,000 repeated selections, signed in', path: '/graphql', as: 'staff', body: () => json(`{ ${'__typename '.repeat(150_000)}}`) },
  {
    name: '500 companyStanding aliases (partner key)',
    path: '/partner/graphql',
    as: 'partner',
    body: () => json(`{ ${Array.from({ length: 500 }, (_, i) => `s${i}: companyStanding(uscc: "91350500MA2Y000000") { asOf }`).join(' ')} }`),
  },
];
