import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { NoticeLinks1765324800000 } from './migrations/1765324800000-NoticeLinks';
import { NoticeLink } from './notice-link.entity';
import { mountNotices } from './notice.http';
import { NoticeLinkResolver } from './notice.resolver';
import { NoticeLinkService } from './notice.service';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit }: ModuleKit) => ({
  noticeLink: new NoticeLinkService(ds, tx, audit, { entity: NoticeLink, typeName: 'NoticeLink', searchColumns: ['createdByName'], auditOmit: ['tokenHash'], derivedColumns: ['createdByName'] }),
});

/** 公示: printable public notices (a compound's committee board, 001 二.5; a red/black-list edition, 002 二.3) opened by unguessable links the office shares. */
export const publicNoticeModule: ApiModule = {
  name: 'public-notice',
  entities: [NoticeLink],
  migrations: [NoticeLinks1765324800000],
  services,
  resolvers: [NoticeLinkResolver],
  http: (app, { services: s }) => mountNotices(app, s),
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}
