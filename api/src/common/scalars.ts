import { LocalDateScalar } from './validators';

/** Dates without a time (完成时限, 任期, 发文日期) travel as YYYY-MM-DD strings, 2000-01-01 to 2100-12-31. */
export const LocalDate = LocalDateScalar;
