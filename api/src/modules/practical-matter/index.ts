import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { attachWorkflow } from '../../common/workflow/workflow';
import type { KindParams, NotificationKindDecls } from '../notification';
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

/** The notifications it sends (modules/notification; the console translates them in resources/practical-matter/messages.ts). */
const notificationKinds = {
  PRACTICAL_MATTER_ASSIGNED: { description: 'A practical matter was handed to a unit (责任单位): told to its staff', params: ['title', 'due'], title: '实事交办：%{title}（完成时限 %{due}）' },
  PRACTICAL_MATTER_REOPENED: {
    description: 'A closed practical matter was reopened as not done, with the reason: told to the unit responsible',
    params: ['title', 'date'],
    title: '实事退回重办：%{title}（%{date}）',
  },
} as const satisfies NotificationKindDecls;

/** 实事 / 微实事: a compound's practical matters, opened, worked on and closed with evidence (a workflow). */
export const practicalMatterModule: ApiModule = {
  name: 'practical-matter',
  entities: [PracticalMatter, PracticalMatterStep],
  migrations: [PracticalMatters1765500000004],
  services,
  resolvers: [PracticalMatterResolver],
  notificationKinds,
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../notification/notification.kinds' {
  interface ModuleNotificationKinds extends KindParams<typeof notificationKinds> {}
}
