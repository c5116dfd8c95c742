import * as rules from '../../../src/modules/owners-committee/committee.rules';
import { CommitteeKind } from '../../../src/modules/owners-committee/owners-committee.entity';
import { CommitteeStanding } from '../../../src/modules/owners-committee/committee.enums';
import { dbKind } from '../../db';
import { startTestApp, type TestApp } from '../../harness';

/*
 * The committee flags of a compound (committee.flags.ts: SQL for the list filter and the compound
 * page) say what the rule functions (committee.rules.ts) say, for every kind of compound: none, an
 * elected committee in and past its term, a provisional one, a dissolved one, a successor, counts
 * above and under half, exactly half, surveys under 50% with and without the vote, each judged on
 * days before, on and after each boundary. Both the flags field and the list filter are checked.
 */
interface Spec {
  committees: Array<{ kind: CommitteeKind; formedOn: string; dissolvedOn?: string; termEndsOn?: string; members?: [number, number]; surveys?: Array<{ on: string; rate: number; vote?: string }> }>;
}
const SPECS: Spec[] = [
  { committees: [] },
  { committees: [{ kind: CommitteeKind.ELECTED, formedOn: '2020-07-01', termEndsOn: '2025-06-30', members: [7, 3] }] },
  { committees: [{ kind: CommitteeKind.ELECTED, formedOn: '2020-07-01', termEndsOn: '2025-06-30', members: [8, 4] }] },
  { committees: [{ kind: CommitteeKind.ELECTED, formedOn: '2024-01-01', members: [5, 2] }] },
  { committees: [{ kind: CommitteeKind.PROVISIONAL, formedOn: '2025-03-01', members: [3, 0] }] },
  { committees: [{ kind: CommitteeKind.ELECTED, formedOn: '2019-01-01', dissolvedOn: '2025-01-31', termEndsOn: '2024-12-31' }] },
  {
    committees: [
      { kind: CommitteeKind.ELECTED, formedOn: '2019-01-01', dissolvedOn: '2025-03-31', termEndsOn: '2024-12-31', members: [9, 2] },
      { kind: CommitteeKind.ELECTED, formedOn: '2025-04-01', termEndsOn: '2030-03-31', members: [9, 6] },
    ],
  },
  {
    committees: [
      {
        kind: CommitteeKind.ELECTED,
        formedOn: '2022-01-01',
        termEndsOn: '2027-12-31',
        members: [7, 5],
        surveys: [
          { on: '2024-12-20', rate: 48 },
          { on: '2025-06-20', rate: 72 },
        ],
      },
    ],
  },
  { committees: [{ kind: CommitteeKind.ELECTED, formedOn: '2022-01-01', termEndsOn: '2027-12-31', surveys: [{ on: '2025-06-10', rate: 40, vote: '2025-07-15' }] }] },
  { committees: [{ kind: CommitteeKind.ELECTED, formedOn: '2025-08-01', termEndsOn: '2030-07-31', surveys: [] }] },
];
const DAYS = ['2024-06-30', '2024-12-20', '2025-01-31', '2025-02-01', '2025-06-29', '2025-06-30', '2025-07-01', '2025-07-15', '2025-08-01'];
const FLAGS = ['NO_COMMITTEE', 'REELECTION_DUE', 'BELOW_PARTY_SHARE', 'EARLY_ELECTION_VOTE_DUE'];

/** What the rule functions say of a compound on a day. */
function expected(spec: Spec, day: string): string[] {
  const standing = rules.standing(
    spec.committees.map((c) => ({ kind: c.kind, formedOn: c.formedOn, dissolvedOn: c.dissolvedOn ?? null, termEndsOn: c.termEndsOn ?? null })),
    day,
  );
  const serving = spec.committees.filter((c) => rules.servesOn({ formedOn: c.formedOn, dissolvedOn: c.dissolvedOn ?? null }, day));
  const out: string[] = [];
  if (standing === CommitteeStanding.NONE || standing === CommitteeStanding.LAPSED) out.push('NO_COMMITTEE');
  if (standing === CommitteeStanding.REELECTION_DUE) out.push('REELECTION_DUE');
  if (serving.some((c) => c.members && rules.belowPartyShare({ memberCount: c.members[0], partyMemberCount: c.members[1] }))) out.push('BELOW_PARTY_SHARE');
  if (serving.some((c) => (c.surveys ?? []).some((s) => s.on <= day && rules.earlyElectionVoteDue({ satisfactionRate: s.rate, voteHeldOn: s.vote && s.vote <= day ? s.vote : null }))))
    out.push('EARLY_ELECTION_VOTE_DUE');
  return out;
}

describe(`compound flags of the committee ledger (${dbKind()})`, () => {
  let t: TestApp;
  let admin: string;
  let community: string;
  const ids: string[] = [];

  async function ok(query: string, variables: Record<string, unknown> = {}) {
    const res = await t.gql(query, variables, admin);
    if (res.errors) throw new Error(`${query}\n${JSON.stringify(res.errors)}`);
    return res.data;
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.adminToken();
    const street = (await ok('{ allJurisdictions(filter: { q: "宝盖镇" }) { id } }')).allJurisdictions[0].id;
    community = (await ok('mutation($p: ID!) { createJurisdiction(name: "标记测试社区", level: COMMUNITY, parentId: $p) { id } }', { p: street })).createJurisdiction.id;
    for (const [n, spec] of SPECS.entries()) {
      const compound = (await ok('mutation($c: ID!, $n: String!) { createCompound(name: $n, communityId: $c, managementMode: NONE) { id } }', { c: community, n: `标记小区${n}` })).createCompound.id;
      ids.push(compound);
      for (const c of spec.committees) {
        const made = (
          await ok(
            'mutation($c: ID!, $k: CommitteeKind!, $f: LocalDate!, $d: LocalDate, $t: LocalDate, $m: Int, $p: Int) { createOwnersCommittee(compoundId: $c, kind: $k, formedOn: $f, dissolvedOn: $d, termEndsOn: $t, memberCount: $m, partyMemberCount: $p) { id } }',
            { c: compound, k: c.kind, f: c.formedOn, d: c.dissolvedOn ?? null, t: c.termEndsOn ?? null, m: c.members?.[0] ?? null, p: c.members?.[1] ?? null },
          )
        ).createOwnersCommittee.id;
        for (const s of c.surveys ?? []) {
          const [year, month] = s.on.split('-').map(Number);
          await ok(
            'mutation($c: ID!, $y: Int!, $h: Int!, $on: LocalDate!, $r: Float!, $v: LocalDate, $vr: EarlyElectionVote) { createCommitteeSurvey(committeeId: $c, year: $y, half: $h, surveyedOn: $on, satisfactionRate: $r, voteHeldOn: $v, voteResult: $vr) { id } }',
            {
              c: made,
              y: year,
              h: month <= 6 ? 1 : 2,
              on: s.on,
              r: s.rate,
              v: s.vote ?? null,
              vr: s.vote ? 'CONTINUE' : null,
            },
          );
        }
      }
    }
  });
  afterAll(() => t.close());

  it.each(DAYS)('agrees with the rule functions on %s, field by field and in the list filter', async (day) => {
    const { allCompounds } = await ok('query($c: ID!, $d: LocalDate) { allCompounds(filter: { communityId: $c }, perPage: 100, sortField: "id") { id flags(asOf: $d) } }', { c: community, d: day });
    const got = new Map<string, string[]>(allCompounds.map((c: { id: string; flags: string[] }) => [c.id, c.flags]));
    SPECS.forEach((spec, n) => expect({ n, day, flags: (got.get(ids[n]) ?? []).filter((f) => FLAGS.includes(f)).sort() }).toEqual({ n, day, flags: expected(spec, day).sort() }));
    for (const flag of FLAGS) {
      const listed = (
        await ok('query($c: ID!, $d: LocalDate, $f: [CompoundFlag!]) { allCompounds(filter: { communityId: $c, flags: $f, asOf: $d }, perPage: 100) { id } }', { c: community, d: day, f: [flag] })
      ).allCompounds.map((c: { id: string }) => c.id);
      const want = SPECS.flatMap((spec, n) => (expected(spec, day).includes(flag) ? [ids[n]] : []));
      expect({ flag, day, listed: listed.sort() }).toEqual({ flag, day, listed: want.sort() });
    }
  });

  it('covers every flag the ledger declares at least once in the set above', () => {
    const seen = new Set(DAYS.flatMap((d) => SPECS.flatMap((s) => expected(s, d))));
    expect([...seen].sort()).toEqual([...FLAGS].sort());
  });
});
