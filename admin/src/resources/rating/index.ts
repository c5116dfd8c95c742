import DateRangeIcon from '@mui/icons-material/DateRange';
import StarRateIcon from '@mui/icons-material/StarRate';
import { type ConsoleModule, crudScreens } from '../common/module';
import { messages } from './messages';

const periods = () => import('./periods');
const schemes = () => import('./schemes');

/**
 * 评星: schemes, periods and their score grids (typed or imported), and the period's publish step
 * (Publication.tsx stays here: it waits for the score grid's pending saves before publishing).
 */
export const ratingModule: ConsoleModule = {
  name: 'rating',
  menuGroup: 'ratings',
  resources: ({ edit }) => [
    {
      name: 'RatingPeriod',
      icon: DateRangeIcon,
      ...crudScreens(periods, 'RatingPeriod', edit),
      recordRepresentation: 'code',
    },
    {
      name: 'RatingScheme',
      icon: StarRateIcon,
      ...crudScreens(schemes, 'RatingScheme', edit),
      recordRepresentation: 'name',
    },
    { name: 'Rating' },
  ],
  selections: {
    RatingScheme: { list: 'criteria { id code name weight maxScore }' },
    RatingPeriod: { list: 'scheme { id name subjectKind periodKind }' },
    /** A rating's inputs and computed result, as the data provider reads them (the score grid's own reads use the GridRating fragment, gridModel.graphql). */
    Rating: { list: 'scores { criterionId score } result { complete missing total stars listStatus reasons } propertyCompany { name uscc }' },
  },
  messages,
};
