import { ListSize } from '../query-limits';
import { IsOptional, MaxLength } from 'class-validator';
import { Args, ArgsType, Authorized, type ClassType, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../context';
import { toId } from '../errors';
import { IsPastDate, NotBlank } from '../validators';
import { LocalDate } from '../scalars';
import type { Role } from '../roles';
import type { StepRow } from './step.entity';
import type { StatefulRow, TransitionDecl, Workflow, WorkflowDecl } from './workflow';

type AnyWorkflow = Workflow<string, StatefulRow, StepRow>;

// TypeScript's mixin rule: a class a mixin extends must have a constructor taking `...args: any[]`
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AbstractClass = abstract new (...args: any[]) => object;

export interface WorkflowResolverOptions<B extends AbstractClass> {
  /** The resolver the workflow's fields and mutations are added to (its reads, its other mutations). */
  base: B;
  // any workflow: its status, record and step types are its own (the resolver reads them at run time)
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  decl: WorkflowDecl<any, any, any>;
  workflow: (ctx: AppContext) => AnyWorkflow;
  /** The name of the steps field (`steps`; `transitions` for payouts). */
  stepsField?: string;
}

/**
 * From a workflow's declaration, the GraphQL it needs: `advance<Name>(id, to, date, reason, …)`, a
 * mutation per named move (`approvePayout`…), the `steps` field, the read-only stage fields
 * (`inspectedOn`, `submittedById`…) and `nextStatuses` for the signed-in user. Roles on each mutation
 * are those of its moves; the engine checks each move's own.
 */
export function withWorkflow<B extends AbstractClass>(o: WorkflowResolverOptions<B>): B {
  const d = o.decl;
  const status = d.statuses;
  const userMoves = d.transitions.filter((t: TransitionDecl<string, unknown>) => !t.system) as TransitionDecl<string, unknown>[];
  const fields = Object.entries(d.fields ?? {}) as [string, { description: string; maxLength: number }][];

  @ArgsType()
  class AdvanceArgs {
    @Field(() => ID)
    id: string;

    @Field(() => status, { description: 'The state to move to (see nextStatuses)' })
    to: string;

    @Field(() => LocalDate, {
      nullable: d.dated !== 'given',
      description: d.dated === 'given' ? 'The day it happened (not in the future, not before the previous step)' : 'The day it happened, for moves dated by hand; otherwise today',
    })
    @IsOptional()
    @IsPastDate()
    date?: string | null;

    @Field(() => String, { nullable: true, description: `Why; required for ${describeReasons(userMoves)}` })
    @IsOptional()
    @MaxLength(2000)
    reason?: string | null;

    @Field(() => String, { nullable: true, description: 'Any unique string per intended action: repeating the request with the same key returns the record instead of acting twice' })
    @IsOptional()
    @MaxLength(100)
    @NotBlank('idempotencyKey')
    idempotencyKey?: string | null;
  }
  Object.defineProperty(AdvanceArgs, 'name', { value: `Advance${d.name}Args` });
  for (const [name, f] of fields) addStringArg(AdvanceArgs, name, f.description, f.maxLength, false);

  @Resolver(() => d.entity)
  abstract class WorkflowResolver extends (o.base as unknown as ClassType) {}
  const proto = WorkflowResolver.prototype as unknown as Record<string, unknown>;

  const roles = unionRoles(userMoves, d.roles);
  defineMethod(
    proto,
    'advanceWorkflow',
    function (this: unknown, a: AdvanceArgs & Record<string, string>, ctx: AppContext) {
      return o.workflow(ctx).advance(toId(a.id), { to: a.to, date: a.date, reason: a.reason, fields: pick(a, fields) }, ctx);
    },
    [Authorized(...roles), Mutation(() => d.entity, { name: `advance${d.name}`, description: `Moves the ${d.name} to its next state, dated and signed (${describeEdges(userMoves)})` })],
    [Args(() => AdvanceArgs, { validate: true }), Ctx()],
  );

  // a mutation of its own for each named move (approvePayout…), with exactly that move's arguments
  const named = new Map<string, TransitionDecl<string, unknown>[]>();
  for (const t of userMoves.filter((x) => x.mutation)) named.set(t.mutation!.name, [...(named.get(t.mutation!.name) ?? []), t]);
  for (const moves of named.values()) {
    // moves that share a mutation (cancel a draft, cancel an approved payout) share its arguments
    const t = moves[0];
    if (moves.some((x) => x.to !== t.to)) throw new Error(`${d.name}: mutation ${t.mutation!.name} names moves to different states`);
    const m = t.mutation!;
    @ArgsType()
    class MoveArgs {
      @Field(() => ID)
      id: string;

      @Field(() => String, { nullable: true, description: 'Any unique string per intended action: repeating the request with the same key returns the record instead of acting twice' })
      @IsOptional()
      @MaxLength(100)
      @NotBlank('idempotencyKey')
      idempotencyKey?: string | null;
    }
    Object.defineProperty(MoveArgs, 'name', { value: `${m.name[0].toUpperCase()}${m.name.slice(1)}Args` });
    if (moves.every((x) => x.reason)) addStringArg(MoveArgs, 'reason', 'Why (required)', 2000, true);
    else addStringArg(MoveArgs, 'reason', 'Why', 2000, false);
    for (const [name, f] of fields) if ((d.fields![name].requiredFor as string[]).includes(t.to)) addStringArg(MoveArgs, name, f.description, f.maxLength, true);
    if (m.dateArg) {
      Field(() => LocalDate, { nullable: !!m.dateDefault, description: m.dateDescription ?? 'The day it happened' })(MoveArgs.prototype, m.dateArg);
      IsPastDate()(MoveArgs.prototype, m.dateArg);
      if (m.dateDefault) IsOptional()(MoveArgs.prototype, m.dateArg);
    }
    defineMethod(
      proto,
      m.name,
      function (this: unknown, a: Record<string, string>, ctx: AppContext) {
        return o.workflow(ctx).advance(toId(a.id), { to: t.to, date: m.dateArg ? a[m.dateArg] : null, dateField: m.dateArg, reason: a.reason, fields: pick(a, fields) }, ctx);
      },
      [Authorized(...unionRoles(moves, d.roles)), Mutation(() => d.entity, { name: m.name, description: m.description })],
      [Args(() => MoveArgs, { validate: true }), Ctx()],
    );
  }

  defineMethod(
    proto,
    o.stepsField ?? 'steps',
    function (this: unknown, row: StatefulRow, ctx: AppContext) {
      return o.workflow(ctx).steps(ctx.loaders, row.id);
    },
    [FieldResolver(() => [d.step.entity], { name: o.stepsField ?? 'steps', description: 'Every step, oldest first: from, to, day, who and why' })],
    [Root(), Ctx()],
  );

  for (const [name, f] of Object.entries(d.stageFields ?? {}) as [string, { stage: string; value: 'date' | 'at' | 'actorId'; description?: string }][]) {
    const type = f.value === 'date' ? LocalDate : f.value === 'at' ? Date : ID;
    defineMethod(
      proto,
      name,
      async function (this: unknown, row: StatefulRow, ctx: AppContext) {
        const wf = o.workflow(ctx);
        const step = wf.stages(await wf.steps(ctx.loaders, row.id))[f.stage];
        if (!step) return null;
        return f.value === 'date' ? step.stepDate : f.value === 'at' ? step.at : step.actorId === null ? null : String(step.actorId);
      },
      [
        FieldResolver(() => type, {
          name,
          nullable: true,
          description: f.description ?? `Read from the steps: the ${f.value === 'actorId' ? 'signer' : f.value === 'at' ? 'time' : 'day'} of ${f.stage}`,
        }),
      ],
      [Root(), Ctx()],
    );
  }

  @ObjectType(`${d.name}Move`, { description: `A move the signed-in user may make with this ${d.name} now, and what it asks for` })
  class Move {
    @Field(() => status)
    to: string;

    @Field({ description: 'Whether a reason must be given' })
    reasonRequired: boolean;

    @Field({ description: 'Whether the day is given by hand (`date`: not in the future, not before the previous step); otherwise the move is dated today' })
    datedByHand: boolean;

    @Field(() => [String], { description: 'Further arguments the move requires (e.g. paymentReference)' })
    requiredFields: string[];
  }
  Object.defineProperty(Move, 'name', { value: `${d.name}Move` });

  // The most moves a record can have at once: the widest fan-out of user transitions from one state (query cost).
  const outOf = new Map<string, number>();
  for (const tr of d.transitions) if (!tr.system) for (const from of tr.from) outOf.set(from, (outOf.get(from) ?? 0) + 1);
  const widest = Math.max(1, ...outOf.values());

  defineMethod(
    proto,
    'nextMoves',
    async function (this: unknown, row: StatefulRow, ctx: AppContext) {
      const wf = o.workflow(ctx);
      const next = await wf.nextStatuses(row, ctx, ctx.loaders);
      return next.map((to) => {
        const t = wf.transition(row.status, to)!;
        return {
          to,
          reasonRequired: !!t.reason,
          datedByHand: d.dated === 'given' || !!t.mutation?.dateArg,
          requiredFields: Object.entries((d.fields ?? {}) as Record<string, { requiredFor: readonly string[] }>)
            .filter(([, f]) => f.requiredFor.includes(to))
            .map(([k]) => k),
        };
      });
    },
    [ListSize(widest), FieldResolver(() => [Move], { name: 'nextMoves', description: `The moves the signed-in user may make now (for advance${d.name}), with what each asks for` })],
    [Root(), Ctx()],
  );

  defineMethod(
    proto,
    'nextStatuses',
    function (this: unknown, row: StatefulRow, ctx: AppContext) {
      return o.workflow(ctx).nextStatuses(row, ctx, ctx.loaders);
    },
    [ListSize(widest), FieldResolver(() => [status], { name: 'nextStatuses', description: 'The states the signed-in user may move this record to now (roles and guards applied)' })],
    [Root(), Ctx()],
  );

  return WorkflowResolver as unknown as B;
}

function defineMethod(
  proto: Record<string, unknown>,
  name: string,
  // a resolver method: type-graphql passes the arguments its parameter decorators describe
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  fn: (...args: any[]) => unknown,
  methodDecorators: MethodDecorator[],
  paramDecorators: Array<(target: object, key: string, index: number) => void>,
): void {
  Object.defineProperty(proto, name, { value: fn, writable: true, configurable: true, enumerable: false });
  const descriptor = Object.getOwnPropertyDescriptor(proto, name)!;
  paramDecorators.forEach((p, i) => p(proto, name, i));
  for (const m of methodDecorators) m(proto, name, descriptor);
}

function addStringArg(cls: ClassType, name: string, description: string, max: number, required: boolean): void {
  Field(() => String, { nullable: !required, description })(cls.prototype, name);
  MaxLength(max)(cls.prototype, name);
  if (required) NotBlank(name)(cls.prototype, name);
  else IsOptional()(cls.prototype, name);
}

const pick = (a: Record<string, unknown>, fields: [string, unknown][]) => Object.fromEntries(fields.map(([k]) => [k, a[k]]).filter(([, v]) => v !== undefined));

function unionRoles(moves: TransitionDecl<string, unknown>[], fallback: readonly Role[]): Role[] {
  return [...new Set(moves.flatMap((t) => [...(t.roles ?? fallback)]))];
}

const describeEdges = (moves: TransitionDecl<string, unknown>[]) => moves.map((t) => `${t.from.join('|')} → ${t.to}`).join('; ');
const describeReasons = (moves: TransitionDecl<string, unknown>[]) =>
  moves
    .filter((t) => t.reason)
    .map((t) => `${t.from.join('|')} → ${t.to}`)
    .join('; ') || 'no move';
