import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { attachWorkflow } from '../../common/workflow/workflow';
import { PracticalMatters1765500000004 } from './migrations/1765500000004-PracticalMatters';
import { PracticalMatter, PracticalMatterStep } from './practical-matter.entity';
import { PracticalMatterResolver } from './practical-matter.resolver';
import { PracticalMatterService } from './practical-matter.service';
import { PRACTICAL_MATTER_WORKFLOW } from './practical-matter.workflow';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = (kit: ModuleKit) => {
  const practicalMatter = new PracticalMatterService(kit.ds, kit.tx, kit.audit, {
    entity: PracticalMatter,
    typeName: 'PracticalMatter',
    searchColumns: ['title', 'plan'],
    derivedColumns: ['communityId'],
    defaultSort: [['id', 'DESC']],
  });
  attachWorkflow(practicalMatter, PRACTICAL_MATTER_WORKFLOW, kit);
  return { practicalMatter };
};

/** 实事 / 微实事: a compound's practical matters, opened, worked on and closed with evidence (a workflow). */
export const practicalMatterModule: ApiModule = {
  name: 'practical-matter',
  entities: [PracticalMatter, PracticalMatterStep],
  migrations: [PracticalMatters1765500000004],
  services,
  resolvers: [PracticalMatterResolver],
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}
