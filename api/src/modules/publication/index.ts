import { CrudService } from '../../common/crud.service';
import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { attachWorkflow } from '../../common/workflow/workflow';
import { PublishedEntry, RatingPublication, Rectification, RectificationStep } from './publication.entities';
import { PublishedEntryResolver, RatingPublicationResolver, RectificationResolver } from './publication.resolver';
import { PublicationService, publishedEditions } from './publication.service';
import { RectificationService } from './rectification.service';
import { RECTIFICATION_WORKFLOW } from './rectification.workflow';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = (kit: ModuleKit) => {
  const { ds, tx, audit } = kit;
  const rectification = new RectificationService(ds, tx, audit, { entity: Rectification, typeName: 'Rectification', searchColumns: [], defaultSort: [['id', 'DESC']] });
  attachWorkflow(rectification, RECTIFICATION_WORKFLOW, kit);
  return {
    ratingPublication: new CrudService(ds, tx, audit, {
      entity: RatingPublication,
      typeName: 'RatingPublication',
      searchColumns: [],
      defaultSort: [
        ['publishedOn', 'DESC'],
        ['id', 'DESC'],
      ],
    }),
    publishedEntry: new CrudService(ds, tx, audit, {
      entity: PublishedEntry,
      typeName: 'PublishedEntry',
      searchColumns: ['subjectName', 'uscc'],
      defaultSort: [
        ['publicationId', 'DESC'],
        ['rank', 'ASC'],
        ['id', 'ASC'],
      ],
    }),
    rectification,
    publication: new PublicationService(ds, tx, audit, rectification),
  };
};

/** The refusal reasons its code throws (extensions.reason; see common/reasons.ts). */
const reasons = {
  NOTHING_TO_PUBLISH: 'The period has no ratings to publish',
  INCOMPLETE: 'Some ratings of the period are incomplete',
  UNCHANGED: 'Nothing changed since the published revision: there is nothing to correct',
  CORRECTION_REASON_REQUIRED: 'A correction of a published period needs a reason',
  BEFORE_REVISION: 'A correction is dated before the revision it corrects',
  BEFORE_PERIOD: 'An edition is dated before its period starts',
} as const;

/**
 * 红黑榜发布: frozen editions of a period's ratings (what partners read), and the rectifications a
 * black-list entry opens. Publishing freezes the period and scheme it draws on: this module tells
 * the rating services so (`wire`), so rating never imports publication.
 */
export const publicationModule: ApiModule = {
  name: 'publication',
  entities: [RatingPublication, PublishedEntry, Rectification, RectificationStep],
  services,
  wire: (services) => {
    services.ratingScheme.published = publishedEditions;
    services.ratingPeriod.published = publishedEditions;
  },
  resolvers: [RatingPublicationResolver, PublishedEntryResolver, RectificationResolver],
  reasons,
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../../common/reasons' {
  interface ModuleReasons extends Record<keyof typeof reasons, true> {}
}
