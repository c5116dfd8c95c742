import type { CompoundFlagDef } from '../organization/compound-flags';
import { latestDueQuarter } from './public-revenue.rules';
import { RevenueDisclosure } from './revenue-disclosure.entity';

/** The disclosure rule as a condition on a compound (alias `e`) on the day `:asOf` (organization/compound-flags.ts). */
export const REVENUE_FLAGS: CompoundFlagDef[] = [
  {
    flag: 'DISCLOSURE_OVERDUE',
    description: '公共收益逾期未公示: the latest quarter due by the day (by the end of the next quarter’s first month) is not disclosed (001 三(三)1, 000 附件 三(一))',
    condition: (ds, asOf) => {
      const { year, quarter } = latestDueQuarter(asOf);
      return `NOT EXISTS (SELECT 1 FROM ${ds.getMetadata(RevenueDisclosure).tableName} d WHERE d.compoundId = e.id AND d.year = ${Number(year)} AND d.quarter = ${Number(quarter)} AND d.disclosedOn <= :asOf)`;
    },
  },
];
