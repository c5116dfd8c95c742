import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { SheetImporter } from '../../common/sheet-import/sheet-import';
import { ratingImport } from './rating-import.service';
import { Rating, RatingCriterion, RatingPeriod, RatingScheme, RatingScore } from './rating.entities';
import { RatingImportResolver, RatingPeriodResolver, RatingResolver, RatingSchemeResolver } from './rating.resolver';
import { RatingPeriodService, RatingSchemeService, RatingService } from './rating.service';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit }: ModuleKit) => ({
  ratingScheme: new RatingSchemeService(ds, tx, audit, { entity: RatingScheme, typeName: 'RatingScheme', childKeys: ['criteria'] }),
  ratingPeriod: new RatingPeriodService(ds, tx, audit, {
    entity: RatingPeriod,
    typeName: 'RatingPeriod',
    searchColumns: ['code'],
    defaultSort: [
      ['startDate', 'DESC'],
      ['id', 'ASC'],
    ],
  }),
  rating: new RatingService(ds, tx, audit, {
    entity: Rating,
    typeName: 'Rating',
    searchColumns: ['subjectName'],
    childKeys: ['scores'],
    derivedColumns: ['subjectKey', 'subjectName'],
    defaultSort: [
      ['periodId', 'DESC'],
      ['subjectName', 'ASC'],
    ],
  }),
  ratingImport: new SheetImporter(ratingImport, ds, tx, audit),
});

/** The refusal reasons its code throws (extensions.reason; see common/reasons.ts). */
const reasons = {
  WEIGHTS_NOT_100: 'The criteria’s weights do not add up to 100',
  THRESHOLDS_NOT_RISING: 'The star thresholds do not rise with the stars',
  BLACK_NOT_BELOW_RED: 'The black-list stars are not below the red-list stars',
  DUPLICATE_CRITERION: 'A criterion code appears twice in a scheme',
  NO_CRITERIA: 'A scheme needs at least one criterion',
  ABOVE_MAX: 'A score is above its criterion’s maximum',
  TOO_MANY_DECIMALS: 'A score has more than two decimals',
  PERIOD_NOT_CALENDAR: 'A rating period is not one whole calendar period of its scheme’s kind (a QUARTER period is a calendar quarter, a HALF_YEAR period a calendar half)',
  PERIOD_CODE_MISMATCH: 'A rating period’s code is not the code of its dates (2025Q1 for 2025-01-01..2025-03-31, 2025H2 for 2025-07-01..2025-12-31)',
  PERIOD_OVERLAP: 'A rating period shares days with another period of the same scheme',
  SUBJECT_OUTSIDE: 'A rated subject (company, party branch, owners’ committee) is not in the area of the office that issued the scheme',
  PERIOD_KIND_IN_USE: 'A scheme’s period kind cannot change while it has periods that are not calendar periods of the new kind',
} as const;

/** 星级评定: schemes and their criteria, periods, ratings and scores (typed or imported from a sheet). */
export const ratingModule: ApiModule = {
  name: 'rating',
  entities: [RatingScheme, RatingCriterion, RatingPeriod, Rating, RatingScore],
  services,
  resolvers: [RatingSchemeResolver, RatingPeriodResolver, RatingResolver, RatingImportResolver],
  reasons,
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}

declare module '../../common/reasons' {
  interface ModuleReasons extends Record<keyof typeof reasons, true> {}
}
