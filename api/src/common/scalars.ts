import { LocalDateResolver } from 'graphql-scalars';

/** Dates without a time (完成时限, 任期, 发文日期) travel as YYYY-MM-DD strings. */
export const LocalDate = LocalDateResolver;
