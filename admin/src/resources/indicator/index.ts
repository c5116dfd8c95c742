import InsightsIcon from '@mui/icons-material/Insights';
import { type ConsoleModule, crudScreens, screen } from '../common/module';
import { messages } from './messages';

const load = () => import('./indicators');

/** 指标: the documents' targets and their measurements. */
export const indicatorModule: ConsoleModule = {
  name: 'indicator',
  menuGroup: 'work',
  resources: ({ edit }) => [
    {
      name: 'Indicator',
      icon: InsightsIcon,
      ...crudScreens(load, 'Indicator', edit),
      recordRepresentation: 'name',
    },
    { name: 'IndicatorMeasurement', edit: edit ? screen(load, 'MeasurementEdit') : undefined, create: edit ? screen(load, 'MeasurementCreate') : undefined },
  ],
  statusColors: { IndicatorStatus: { MET: 'success', ON_TRACK: 'info', AT_RISK: 'warning', MISSED: 'error' } },
  selections: { Indicator: { list: 'scope { name } perCompound actualDetail { source rollsUp rolledUp reported below belowLevel communitiesReported communities compoundsMeeting compounds }' } },
  messages,
};
