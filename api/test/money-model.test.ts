import fc from 'fast-check';
import { Role } from '../src/common/roles';
import { usccCheckChar } from '../src/common/uscc';
import { dbKind } from './db';
import { startTestApp } from './harness';
import { commandArbs } from './money-model.commands';
import { factsArb, openSequence, type World } from './money-model.fixtures';

/*
 * Model-based test of the money rules (issue 12, item 11). Each run opens a fresh programme, rule,
 * budget and one or two accepted cases, generates the first case's payouts and takes them some way
 * along, then plays up to 8 random commands by five users (three PARTY_OFFICE, an ADMIN, a
 * UNIT_STAFF) over GraphQL: submit, approve, reject, reopen, pay, cancel (with and without
 * idempotency keys, replayed, raced), generate, edit a draft, set the budget. Every answer is
 * compared with the model (money-model.model.ts) and the invariants are read from the database
 * after every command (money-model.verify.ts). FC_SEED fixes the seed, FC_RUNS the number of runs
 * (default 1,000), FC_LANES how many run side by side (default 3 on MariaDB, 1 on SQLite).
 */

const RUNS = Number(process.env.FC_RUNS || 1000);
const LANES = Number(process.env.FC_LANES || (dbKind() === 'mysql' ? 3 : 1));
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;

describe(`money invariants, model-based (${dbKind()})`, () => {
  const stats = new Map<string, number>();
  let w: World | undefined;
  let runs = 0;
  let commands = 0;

  beforeAll(async () => {
    const t = await startTestApp({ seed: false });
    const world: World = { t, stats, actors: [], serviceActors: new Map(), compounds: [] };
    w = world;
    const admin = await t.adminToken();
    const ok = async (query: string) => {
      const res = await t.gql(query, {}, admin);
      if (res.errors) throw new Error(`${query}: ${JSON.stringify(res.errors)}`);
      return Number(Object.values(res.data as Record<string, { id: string }>)[0].id);
    };
    const township = await ok('mutation { j: createJurisdiction(name: "模型街道", level: TOWNSHIP) { id } }');
    const community = await ok(`mutation { j: createJurisdiction(name: "模型社区", level: COMMUNITY, parentId: "${township}") { id } }`);
    const unit = await ok(`mutation { u: createUnit(name: "模型社区居委会", kind: COMMUNITY, jurisdictionId: "${community}") { id } }`);
    const code = '91350582MA2MDL001';
    const company = await ok(`mutation { c: createPropertyCompany(name: "模型物业", uscc: "${code}${usccCheckChar(code)}") { id } }`);
    for (const name of ['模型小区甲', '模型小区乙']) {
      const id = await ok(`mutation { c: createCompound(name: "${name}", communityId: "${community}", propertyCompanyId: "${company}", managementMode: PROFESSIONAL) { id } }`);
      world.compounds.push({ id, communityId: community, companyId: company });
    }
    const office = await Promise.all([1, 2, 3].map(() => t.userWithRole(Role.PARTY_OFFICE)));
    const staff = await t.userWithRole(Role.UNIT_STAFF, String(unit));
    const tokens: Array<[string, string]> = [...office.map((u, i): [string, string] => [`office${i + 1}`, u.token]), ['admin', admin], ['staff', staff.token]];
    for (const [name, token] of tokens) {
      const { user } = await t.app.services.auth.authenticate(`Bearer ${token}`);
      if (!user) throw new Error(`${name} cannot sign in`);
      world.actors.push({ name, role: user.role as World['actors'][number]['role'], id: user.id, token });
      world.serviceActors.set(name, { user, requestId: `model-${name}` });
    }
  }, 120_000);

  afterAll(async () => {
    // the figures the README quotes: sequences and commands run, the seed, and what the runs covered
    const outcomes = [...stats].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k}: ${n}`);
    console.log(
      `money model (${dbKind()}): ${runs} sequences, ${commands} commands, seed ${SEED}, ${LANES} lane(s) (FC_SEED=${SEED} FC_RUNS=${RUNS} FC_LANES=${LANES} to replay)\n${outcomes.join(', ')}`,
    );
    await w?.t.close();
  });

  it(`keeps every payout within its rule, its budget and maker-checker, and pays each at most once (${RUNS} sequences)`, async () => {
    // Lanes run side by side, each on its own programmes: MariaDB spends most of a run waiting for
    // commits, which overlap; SQLite runs transactions one at a time, so one lane there.
    const lanes = Array.from({ length: LANES }, (_, lane) => {
      const property = fc.asyncProperty(factsArb, fc.commands(commandArbs, { maxCommands: 8, size: 'max' }), async (facts, cmds) => {
        const setup = await openSequence(w!, facts, `${SEED}-${lane}-${++runs}`);
        await fc.asyncModelRun(() => setup, cmds);
        commands += setup.model.commands;
      });
      const numRuns = Math.floor(RUNS / LANES) + (lane < RUNS % LANES ? 1 : 0);
      return fc.assert(property, { numRuns, seed: SEED + lane, verbose: 1 }).catch((err: Error) => {
        throw new Error(`lane ${lane} (seed ${SEED + lane}) failed:\n${err.message}`);
      });
    });
    const failed = (await Promise.allSettled(lanes)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }, 1_200_000);
});
