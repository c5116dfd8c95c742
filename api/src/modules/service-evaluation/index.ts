import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { attachWorkflow } from '../../common/workflow/workflow';
import { defineCompoundFlags } from '../organization/compound-flags';
import { EVALUATION_FLAGS } from './evaluation.flags';
import { EVALUATION_WORKFLOW } from './evaluation.workflow';
import { ServiceEvaluations1765065600000 } from './migrations/1765065600000-ServiceEvaluations';
import { CompanyBarResolver, CompoundEvaluationsResolver, ServiceEvaluationResolver } from './service-evaluation.resolver';
import { ServiceEvaluation, ServiceEvaluationStep } from './service-evaluation.entity';
import { ServiceEvaluationService } from './service-evaluation.service';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = (kit: ModuleKit) => {
  const serviceEvaluation = new ServiceEvaluationService(kit.ds, kit.tx, kit.audit, {
    entity: ServiceEvaluation,
    typeName: 'ServiceEvaluation',
    searchColumns: ['followUp'],
    derivedColumns: ['communityId'],
    defaultSort: [
      ['evaluatedOn', 'DESC'],
      ['id', 'DESC'],
    ],
  });
  attachWorkflow(serviceEvaluation, EVALUATION_WORKFLOW, kit);
  return { serviceEvaluation };
};

defineCompoundFlags(EVALUATION_FLAGS);

/** 物业服务考评: half-yearly evaluations of a compound's property service, the interview over 50% dissatisfaction, rectification or replacing the company; failing ones bar it from new projects. */
export const serviceEvaluationModule: ApiModule = {
  name: 'service-evaluation',
  entities: [ServiceEvaluation, ServiceEvaluationStep],
  migrations: [ServiceEvaluations1765065600000],
  services,
  resolvers: [ServiceEvaluationResolver, CompoundEvaluationsResolver, CompanyBarResolver],
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}
