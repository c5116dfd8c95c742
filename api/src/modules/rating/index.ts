import { type ApiModule, type ModuleKit, type ModuleServices } from '../../common/module';
import { SheetImporter } from '../../common/sheet-import/sheet-import';
import { ratingImport } from './rating-import.service';
import { Rating, RatingCriterion, RatingPeriod, RatingScheme, RatingScore } from './rating.entities';
import { RatingImportResolver, RatingPeriodResolver, RatingResolver, RatingSchemeResolver } from './rating.resolver';
import { RatingPeriodService, RatingSchemeService, RatingService } from './rating.service';

/** Its services, by the name resolvers use (`ctx.services.<name>`). */
const services = ({ ds, tx, audit }: ModuleKit) => ({
  ratingScheme: new RatingSchemeService(ds, tx, audit, { entity: RatingScheme, typeName: 'RatingScheme', childKeys: ['criteria'] }),
  ratingPeriod: new RatingPeriodService(ds, tx, audit, { entity: RatingPeriod, typeName: 'RatingPeriod', searchColumns: ['code'], defaultSort: [['startDate', 'DESC'], ['id', 'ASC']] }),
  rating: new RatingService(ds, tx, audit, { entity: Rating, typeName: 'Rating', searchColumns: ['subjectName'], childKeys: ['scores'], derivedColumns: ['subjectKey', 'subjectName'], defaultSort: [['periodId', 'DESC'], ['subjectName', 'ASC']] }),
  ratingImport: new SheetImporter(ratingImport, ds, tx, audit),
});

/** 星级评定: schemes and their criteria, periods, ratings and scores (typed or imported from a sheet). */
export const ratingModule: ApiModule = {
  name: 'rating',
  entities: [RatingScheme, RatingCriterion, RatingPeriod, Rating, RatingScore],
  services,
  resolvers: [RatingSchemeResolver, RatingPeriodResolver, RatingResolver, RatingImportResolver],
};

declare module '../../common/context' {
  interface Services extends ModuleServices<typeof services> {}
}
