import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { todayInChina } from '../src/common/dates';
import type { GqlResponse, TestApp } from './harness';
import {
  type ActorRef,
  applyMove,
  committedFen,
  expectBudget,
  expectEdit,
  expectGenerate,
  expectMove,
  FLOW,
  type Model,
  type ModelPayout,
  type MoveRequest,
  MUTATION,
  type Outcome,
  type Status,
  yuan,
} from './money-model.model';

/*
 * The commands of the money model: each sends one real GraphQL request (or, for Race, a few at
 * once), compares the answer with what the model says, and updates the model. The invariants are
 * checked against the database after every command by `verify` (money-model.verify.ts).
 */

export interface Actor extends ActorRef {
  token: string;
}

/** The system under test for one sequence: the app, the sequence's programme and its budget row. */
export interface Real {
  t: TestApp;
  actors: Actor[];
  programmeId: number;
  budgetId: number | null;
  /** Unique per sequence: voucher numbers must be unique across the whole database. */
  tag: string;
  refs: { n: number };
  /** Outcomes seen over all sequences (`APPROVED ok`, `APPROVED OVER_BUDGET` …), to show what the runs covered. */
  stats: Map<string, number>;
  verify: (m: Model, r: Real) => Promise<void>;
}

export const PAYOUT_FIELDS = 'id status amountFen version submittedById approvedById paidById paymentReference';

/** The payout as the API returns it, in the model's shape. */
export const asModel = (p: Record<string, unknown>) => ({
  id: Number(p.id),
  status: p.status,
  amountFen: p.amountFen,
  version: p.version,
  submittedById: p.submittedById === null ? null : Number(p.submittedById),
  approvedById: p.approvedById === null ? null : Number(p.approvedById),
  paidById: p.paidById === null ? null : Number(p.paidById),
  paymentReference: p.paymentReference,
});
export const modelView = (p: ModelPayout) => asModel({ ...p });

/** Compares an answer with the expected outcome; throws with both when they differ. */
const tally = (r: Real, what: string, want: Outcome) => {
  const key = `${what} ${want.ok ? (want.replay ? 'replayed' : 'ok') : (want.reason ?? want.code)}`;
  r.stats.set(key, (r.stats.get(key) ?? 0) + 1);
};

function expectAnswer(label: string, res: GqlResponse, want: Outcome): void {
  const err = res.errors?.[0];
  const got = err ? { ok: false, code: err.extensions?.code, reason: err.extensions?.reason, field: err.extensions?.field } : { ok: true };
  const matches = want.ok ? !err : !!err && got.code === want.code && (want.reason === undefined || got.reason === want.reason) && (want.field === undefined || got.field === want.field);
  if (!matches) throw new Error(`${label}: expected ${JSON.stringify(want)}, got ${JSON.stringify(err ? { ...got, message: err.message } : res.data)}`);
}

function sameView(label: string, got: unknown, p: ModelPayout): void {
  const want = modelView(p);
  if (JSON.stringify(asModel(got as Record<string, unknown>)) !== JSON.stringify(want)) {
    throw new Error(`${label}: the API answered ${JSON.stringify(got)}, the model expects ${JSON.stringify(want)}`);
  }
}

const pick = <T>(xs: T[], i: number): T => xs[i % xs.length];

function moveQuery(to: Status): string {
  const args = ['$id: ID!', '$k: String'];
  const pass = ['id: $id', 'idempotencyKey: $k'];
  if (to === 'REJECTED' || to === 'CANCELLED') {
    args.push('$reason: String!');
    pass.push('reason: $reason');
  }
  if (to === 'PAID') {
    args.push('$ref: String!', '$on: LocalDate!');
    pass.push('paymentReference: $ref', 'paidOn: $on');
  }
  return `mutation(${args.join(', ')}) { ${MUTATION[to]}(${pass.join(', ')}) { ${PAYOUT_FIELDS} } }`;
}

function send(r: Real, req: MoveRequest): Promise<GqlResponse> {
  const actor = r.actors.find((a) => a.name === req.actor.name)!;
  return r.t.gql(moveQuery(req.to), { id: String(req.payout.id), k: req.key, reason: req.reason, ref: req.paymentReference, on: todayInChina() }, actor.token);
}

function request(m: Model, r: Real, to: Status, payout: number, actor: number, keyed: boolean, reuseRef: boolean): MoveRequest {
  const ref = to !== 'PAID' ? null : reuseRef && m.references.length ? pick(m.references, payout) : `MM-${r.tag}-${++r.refs.n}`;
  return {
    to,
    payout: pick(m.payouts, payout),
    actor: pick(r.actors, actor),
    key: keyed ? randomUUID() : null,
    reason: to === 'REJECTED' || to === 'CANCELLED' ? '模型检查' : null,
    paymentReference: ref,
  };
}

/** One request, its answer checked, the model moved on success. */
async function sendMove(m: Model, r: Real, req: MoveRequest, label: string): Promise<void> {
  const want = expectMove(m, req);
  tally(r, req.to, want);
  const res = await send(r, req);
  expectAnswer(label, res, want);
  if (want.ok && !want.replay) applyMove(m, req);
  if (want.ok) sameView(label, res.data?.[MUTATION[req.to]], req.payout);
}

abstract class MoneyCommand implements fc.AsyncCommand<Model, Real> {
  check(m: Model): boolean {
    return m.payouts.length > 0;
  }
  async run(m: Model, r: Real): Promise<void> {
    m.commands++;
    await this.act(m, r);
    await r.verify(m, r);
  }
  protected abstract act(m: Model, r: Real): Promise<void>;
  abstract toString(): string;
}

/** submit / approve / reject / reopen / pay / cancel, by any actor, with or without an idempotency key. */
export class Move extends MoneyCommand {
  constructor(
    readonly to: Status,
    readonly payout: number,
    readonly actor: number,
    readonly keyed: boolean,
    readonly reuseRef: boolean,
  ) {
    super();
  }
  protected act(m: Model, r: Real) {
    return sendMove(m, r, request(m, r, this.to, this.payout, this.actor, this.keyed, this.reuseRef), this.toString());
  }
  toString() {
    return `Move(${this.to}, payout#${this.payout}, actor#${this.actor}${this.keyed ? ', keyed' : ''}${this.reuseRef ? ', old voucher' : ''})`;
  }
}

/** A move the workflow table allows from the payout's current state (mostly along the happy path), by any actor. */
export class Step extends MoneyCommand {
  constructor(
    readonly choice: number,
    readonly payout: number,
    readonly actor: number,
    readonly keyed: boolean,
  ) {
    super();
  }
  check(m: Model) {
    return m.payouts.length > 0 && FLOW[pick(m.payouts, this.payout).status].length > 0; // Move covers refusals from PAID and CANCELLED
  }
  protected act(m: Model, r: Real) {
    const options = FLOW[pick(m.payouts, this.payout).status];
    return sendMove(m, r, request(m, r, pick(options, this.choice), this.payout, this.actor, this.keyed, false), this.toString());
  }
  toString() {
    return `Step(choice#${this.choice}, payout#${this.payout}, actor#${this.actor}${this.keyed ? ', keyed' : ''})`;
  }
}

/**
 * A keyed request again: unchanged it is a replay (no second action); changed in any way it is refused;
 * from another user it is that user's own, new request (keys belong to the user who sent them).
 */
export class Replay extends MoneyCommand {
  constructor(
    readonly which: number,
    readonly variant: 'same' | 'otherActor' | 'otherPayout' | 'otherReference',
  ) {
    super();
  }
  check(m: Model) {
    return m.keys.length > 0;
  }
  protected act(m: Model, r: Real) {
    const prior = pick(m.keys, this.which);
    const actorIdx = r.actors.findIndex((a) => a.name === prior.actor);
    const payoutIdx = m.payouts.findIndex((p) => p.id === prior.payoutId);
    const req: MoveRequest = { to: prior.to, payout: m.payouts[payoutIdx], actor: r.actors[actorIdx], key: prior.key, reason: prior.reason, paymentReference: prior.paymentReference };
    if (this.variant === 'otherActor') req.actor = r.actors[(actorIdx + 1 + this.which) % r.actors.length];
    if (this.variant === 'otherPayout') req.payout = m.payouts[(payoutIdx + 1) % m.payouts.length];
    if (this.variant === 'otherReference') Object.assign(req, { to: 'PAID', paymentReference: `MM-${r.tag}-${++r.refs.n}`, reason: null });
    return sendMove(m, r, req, this.toString());
  }
  toString() {
    return `Replay(key#${this.which}, ${this.variant})`;
  }
}

/** The same move sent 2–3 times at once (a double click, a retry): it happens once at most. */
export class Race extends MoneyCommand {
  constructor(
    readonly to: Status,
    readonly payout: number,
    readonly actor: number,
    readonly copies: number,
    readonly sameKey: boolean,
  ) {
    super();
  }
  protected async act(m: Model, r: Real) {
    const first = request(m, r, this.to, this.payout, this.actor, true, false);
    const reqs = Array.from({ length: this.copies }, (_, i) => ({ ...first, key: this.sameKey || i === 0 ? first.key : randomUUID() }));
    const want = expectMove(m, first);
    tally(r, `race ${this.to}`, want);
    const answers = await Promise.all(reqs.map((q) => send(r, q)));
    const label = this.toString();
    if (!want.ok) return answers.forEach((a) => expectAnswer(label, a, want));
    const winners = answers.flatMap((a, i) => (a.errors ? [] : [i]));
    if (this.sameKey)
      answers.forEach((a) => expectAnswer(label, a, want)); // the others replay the winner
    else {
      if (winners.length !== 1) throw new Error(`${label}: ${winners.length} of ${this.copies} requests succeeded: ${JSON.stringify(answers)}`);
      answers.forEach((a, i) => i !== winners[0] && expectAnswer(label, a, { ok: false, code: 'CONFLICT' }));
    }
    applyMove(m, { ...first, key: reqs[winners[0]].key });
    for (const i of winners) sameView(label, answers[i].data?.[MUTATION[this.to]], first.payout);
  }
  toString() {
    return `Race(${this.to}, payout#${this.payout}, actor#${this.actor}, ×${this.copies}, ${this.sameKey ? 'same key' : 'own keys'})`;
  }
}

/** generateAwardPayouts for one of the sequence's accepted cases. */
export class Generate extends MoneyCommand {
  constructor(
    readonly caseIdx: number,
    readonly actor: number,
  ) {
    super();
  }
  check() {
    return true;
  }
  protected async act(m: Model, r: Real) {
    const idx = this.caseIdx % m.cases.length;
    const actor = pick(r.actors, this.actor);
    const want = expectGenerate(m, idx, actor);
    tally(r, 'generate', want);
    const res = await r.t.gql(`mutation($c: ID!) { generateAwardPayouts(caseId: $c) { recipientRole ${PAYOUT_FIELDS} } }`, { c: String(m.cases[idx].id) }, actor.token);
    expectAnswer(this.toString(), res, want);
    if (!want.ok) return;
    const made = res.data.generateAwardPayouts as Array<Record<string, unknown>>;
    if (made.length !== m.lines.length) throw new Error(`${this}: ${made.length} payouts for ${m.lines.length} rule lines`);
    m.cases[idx].generated = true;
    m.audit.push(`AwardCase:${m.cases[idx].id}:GENERATE_PAYOUTS`); // one event for the whole generation
    m.lines.forEach((line, i) => {
      const p: ModelPayout = {
        id: Number(made[i].id),
        caseIdx: idx,
        recipientRole: line.recipientRole,
        ruleAmountFen: line.amountFen!,
        amountFen: line.amountFen!,
        edited: false,
        status: 'DRAFT',
        version: 1,
        submittedById: null,
        approvedById: null,
        paidById: null,
        paymentReference: null,
        transitions: 1,
      };
      m.payouts.push(p);
      if (made[i].recipientRole !== line.recipientRole) throw new Error(`${this}: line ${i} is ${line.recipientRole}, payout is ${String(made[i].recipientRole)}`);
      sameView(this.toString(), made[i], p);
    });
  }
  toString() {
    return `Generate(case#${this.caseIdx}, actor#${this.actor})`;
  }
}

/** updatePayout(amount): allowed on drafts only. */
export class Edit extends MoneyCommand {
  constructor(
    readonly payout: number,
    readonly actor: number,
    readonly amountFen: number,
  ) {
    super();
  }
  protected async act(m: Model, r: Real) {
    const p = pick(m.payouts, this.payout);
    const actor = pick(r.actors, this.actor);
    const want = expectEdit(p, actor);
    tally(r, 'edit', want);
    const res = await r.t.gql(`mutation($id: ID!, $a: String) { updatePayout(id: $id, amount: $a) { ${PAYOUT_FIELDS} } }`, { id: String(p.id), a: yuan(this.amountFen) }, actor.token);
    expectAnswer(this.toString(), res, want);
    if (!want.ok) return;
    Object.assign(p, { amountFen: this.amountFen, edited: true, version: p.version + 1 });
    m.audit.push(`Payout:${p.id}:UPDATE`);
    sameView(this.toString(), res.data.updatePayout, p);
  }
  toString() {
    return `Edit(payout#${this.payout}, actor#${this.actor}, ${yuan(this.amountFen)})`;
  }
}

/** Sets the year's budget relative to what is committed: exactly, one fen short, or above. */
export class SetBudget extends MoneyCommand {
  constructor(
    readonly actor: number,
    readonly deltaFen: number,
  ) {
    super();
  }
  check() {
    return true;
  }
  protected async act(m: Model, r: Real) {
    const actor = pick(r.actors, this.actor);
    const amountFen = Math.max(1, committedFen(m) + this.deltaFen);
    const want = expectBudget(m, amountFen, actor);
    tally(r, 'budget', want);
    const res =
      r.budgetId === null
        ? await r.t.gql(
            'mutation($p: ID!, $y: Int!, $a: String!) { b: createIncentiveBudget(programmeId: $p, year: $y, amount: $a) { id amountFen } }',
            { p: String(r.programmeId), y: m.year, a: yuan(amountFen) },
            actor.token,
          )
        : await r.t.gql('mutation($id: ID!, $a: String!) { b: updateIncentiveBudget(id: $id, amount: $a) { id amountFen } }', { id: String(r.budgetId), a: yuan(amountFen) }, actor.token);
    expectAnswer(this.toString(), res, want);
    if (!want.ok) return;
    m.audit.push(`IncentiveBudget:${res.data.b.id}:${r.budgetId === null ? 'CREATE' : 'UPDATE'}`);
    r.budgetId = Number(res.data.b.id);
    m.budgetFen = amountFen;
  }
  toString() {
    return `SetBudget(actor#${this.actor}, committed${this.deltaFen >= 0 ? '+' : ''}${this.deltaFen})`;
  }
}

/** Actor choices, weighted towards the three office users who sign money. */
const actor = fc.constantFrom(0, 1, 2, 0, 1, 2, 0, 1, 3, 4);
const payout = fc.nat(7);
const target = fc.constantFrom<Status>('SUBMITTED', 'SUBMITTED', 'APPROVED', 'APPROVED', 'APPROVED', 'PAID', 'PAID', 'PAID', 'REJECTED', 'DRAFT', 'CANCELLED');
const step = fc.tuple(fc.constantFrom(0, 0, 0, 1, 2), payout, actor, fc.boolean()).map(([c, p, a, k]) => new Step(c, p, a, k));
const move = fc.tuple(target, payout, actor, fc.boolean(), fc.nat(3)).map(([to, p, a, k, old]) => new Move(to, p, a, k, to === 'PAID' && old === 0));

/** The command mix: mostly moves along the happy path, with every refusal reachable. */
export const commandArbs: Array<fc.Arbitrary<fc.AsyncCommand<Model, Real>>> = [
  step,
  step,
  step,
  move,
  fc.tuple(fc.nat(7), fc.constantFrom<Replay['variant']>('same', 'same', 'otherActor', 'otherPayout', 'otherReference')).map(([w, v]) => new Replay(w, v)),
  fc.tuple(target, payout, actor, fc.integer({ min: 2, max: 3 }), fc.boolean()).map(([to, p, a, n, same]) => new Race(to, p, a, n, same)),
  fc.tuple(fc.nat(1), actor).map(([c, a]) => new Generate(c, a)),
  fc.tuple(payout, actor, fc.integer({ min: 100, max: 5_000_000 })).map(([p, a, f]) => new Edit(p, a, f)),
  fc.tuple(actor, fc.constantFrom(-1, 0, 1, 100_000, 5_000_000)).map(([a, d]) => new SetBudget(a, d)),
];
