import { type ConsoleModule, screen } from '../common/module';
import { messages } from './messages';

const load = () => import('./NoticeLinkButton');

/** 公示: public links to printable notices (the compound's committee board; an edition's red/black list, from its page). */
export const publicNoticeModule: ConsoleModule = {
  name: 'public-notice',
  resources: () => [{ name: 'NoticeLink' }],
  compoundSections: [{ key: 'notice', order: 90, title: 'app.notices.section', component: screen<Awaited<ReturnType<typeof load>>, { compoundId: string; asOf: string }>(load, 'CompoundNotice') }],
  messages,
};
