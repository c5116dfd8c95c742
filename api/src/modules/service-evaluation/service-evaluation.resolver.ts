import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import { In } from 'typeorm';
import type { AppContext } from '../../common/context';
import { createReadResolver } from '../../common/crud.resolver';
import { todayInChina } from '../../common/dates';
import { toId } from '../../common/errors';
import { childrenOf } from '../../common/loaders';
import { FACT_KEEPERS } from '../../common/roles';
import { LocalDate } from '../../common/scalars';
import { unscoped } from '../../common/scope';
import { withWorkflow } from '../../common/workflow/workflow.resolver';
import { Compound } from '../organization/compound.entity';
import { Jurisdiction } from '../organization/jurisdiction.entity';
import { PropertyCompany } from '../organization/property-company.entity';
import { Unit } from '../organization/unit.entity';
import { barringEvaluations, interviewDue } from './evaluation.rules';
import { EVALUATION_WORKFLOW } from './evaluation.workflow';
import { CreateServiceEvaluationArgs, ServiceEvaluationFilter, UpdateServiceEvaluationArgs } from './service-evaluation.inputs';
import { ServiceEvaluation } from './service-evaluation.entity';

const AS_OF = { nullable: true, description: 'The day (default: today in China)' } as const;

@Resolver(() => ServiceEvaluation)
@Authorized()
export class ServiceEvaluationResolver extends withWorkflow({
  base: createReadResolver({ type: ServiceEvaluation, name: 'ServiceEvaluation', plural: 'ServiceEvaluations', filter: ServiceEvaluationFilter, service: (ctx) => ctx.services.serviceEvaluation }),
  decl: EVALUATION_WORKFLOW,
  workflow: (ctx) => ctx.services.serviceEvaluation.workflow as never,
}) {
  @Authorized(...FACT_KEEPERS)
  @Mutation(() => ServiceEvaluation, { description: 'Records a half-yearly evaluation of a compound’s property service (考评), dated the day it was taken' })
  createServiceEvaluation(@Args(() => CreateServiceEvaluationArgs, { validate: true }) args: CreateServiceEvaluationArgs, @Ctx() ctx: AppContext) {
    return ctx.services.serviceEvaluation.create({ ...args }, ctx);
  }

  @Authorized(...FACT_KEEPERS)
  @Mutation(() => ServiceEvaluation, { description: 'Corrects an evaluation; what was evaluated is fixed once it is followed up. Evaluations are not deleted' })
  updateServiceEvaluation(@Arg('id', () => ID) id: string, @Args(() => UpdateServiceEvaluationArgs, { validate: true }) args: UpdateServiceEvaluationArgs, @Ctx() ctx: AppContext) {
    return ctx.services.serviceEvaluation.update(toId(id), { ...args }, ctx);
  }

  @FieldResolver(() => Boolean, { description: '约谈: owners’ dissatisfaction is over 50% and no interview has been held (001 四(四)5)' })
  interviewDue(@Root() e: ServiceEvaluation) {
    return interviewDue(e);
  }

  @FieldResolver(() => Compound)
  compound(@Root() e: ServiceEvaluation, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Compound, e.compoundId);
  }

  @FieldResolver(() => Jurisdiction)
  community(@Root() e: ServiceEvaluation, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Jurisdiction, e.communityId);
  }

  @FieldResolver(() => PropertyCompany, { nullable: true })
  propertyCompany(@Root() e: ServiceEvaluation, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(PropertyCompany, e.propertyCompanyId);
  }

  @FieldResolver(() => Unit)
  responsibleUnit(@Root() e: ServiceEvaluation, @Ctx() ctx: AppContext) {
    return ctx.loaders.ref(Unit, e.responsibleUnitId);
  }
}

@Resolver(() => Compound)
export class CompoundEvaluationsResolver {
  @FieldResolver(() => [ServiceEvaluation], { description: '物业服务考评, latest first' })
  serviceEvaluations(@Root() c: Compound, @Ctx() ctx: AppContext) {
    return childrenOf(ctx.loaders, ServiceEvaluation, 'compoundId', { evaluatedOn: 'DESC', id: 'DESC' }).load(c.id);
  }
}

@Resolver(() => PropertyCompany)
export class CompanyBarResolver {
  /**
   * 限制承接新项目 (000 附件 一(二); 004 二(五)): the bar is the company's, wherever the failing evaluation was
   * taken, and every office that lets projects must see it: it is read over all evaluations, and only
   * the yes or no is answered (the evaluations themselves stay within each office's scope).
   */
  @FieldResolver(() => Boolean, { description: '限制承接新项目: at some compound it serves, its latest evaluation by the day is 不达标 (a later passing one lifts it)' })
  barredFromNewProjects(@Root() p: PropertyCompany, @Arg('asOf', () => LocalDate, AS_OF) asOf: string | undefined, @Ctx() ctx: AppContext) {
    const day = asOf ?? todayInChina();
    return ctx.loaders
      .named(
        `companyBar:${day}`,
        (ds) =>
          new DataLoader<number, boolean>(async (ids) => {
            const rows = await unscoped(() =>
              ds
                .getRepository(ServiceEvaluation)
                .find({ select: { id: true, propertyCompanyId: true, compoundId: true, evaluatedOn: true, result: true }, where: { propertyCompanyId: In([...ids]) } }),
            );
            return ids.map(
              (id) =>
                barringEvaluations(
                  rows.filter((r) => r.propertyCompanyId === id),
                  day,
                ).length > 0,
            );
          }),
      )
      .load(p.id);
  }
}
