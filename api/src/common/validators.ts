import { registerDecorator, type ValidationOptions } from 'class-validator';
import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { dateProblem, isLocalDate, MAX_DATE, MIN_DATE } from './dates';
import type { Reason } from './reasons';
import { isValidUscc } from './uscc';

/**
 * A refusal raised where the field is not known yet (a scalar parsing a value). It travels as the
 * GraphQL error's originalError; format-error names the field from the request's document.
 */
export class InputRefusal extends Error {
  constructor(
    message: string,
    readonly reason: Reason,
  ) {
    super(message);
  }
}

function refuse(message: string, reason: Reason, node?: ValueNode): never {
  throw new GraphQLError(message, { nodes: node, originalError: new InputRefusal(message, reason), extensions: { reason } });
}

function parseDate(value: unknown, node?: ValueNode): string {
  const p = dateProblem(value);
  if (p) refuse(`A date ${p.text}`, p.reason, node);
  return value as string;
}

/**
 * 日期 without a time (完成时限, 任期, 发文日期): YYYY-MM-DD, a real calendar day between MIN_DATE and
 * MAX_DATE. Refused values are BAD_USER_INPUT naming the argument (see format-error).
 */
export const LocalDateScalar = new GraphQLScalarType<string, string>({
  name: 'LocalDate',
  description: `A calendar date written YYYY-MM-DD, e.g. 2024-04-26, from ${MIN_DATE} to ${MAX_DATE}`,
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && isLocalDate(value)) return value;
    throw new GraphQLError(`LocalDate cannot represent ${String(value)}`);
  },
  parseValue: (value) => parseDate(value),
  parseLiteral(node) {
    if (node.kind !== Kind.STRING) refuse('A date is a string written YYYY-MM-DD', 'NOT_A_DATE', node);
    return parseDate(node.value, node);
  },
});

/*
 * The custom constraints' names (isNotBlank, isLocalDate, isPastDate, isUscc; money.ts: isYuan,
 * isNonZeroYuan) are what a validation error lists per field (extensions.fields[].constraints), and
 * CONSTRAINT_REASONS in format-error.ts gives each its reason: keep them stable.
 */

/** Not empty and not only white space (null and undefined pass: optional arguments). */
export const NotBlank =
  (field: string) =>
  (object: object, propertyName: string): void =>
    registerDecorator({
      name: 'isNotBlank',
      target: object.constructor,
      propertyName,
      options: { message: `${field} cannot be empty` },
      validator: { validate: (v: unknown) => typeof v === 'string' && /\S/.test(v) },
    });

/** A real date in [MIN_DATE, MAX_DATE] (for strings that do not travel as LocalDate). */
export function IsLocalDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isLocalDate',
      target: object.constructor,
      propertyName,
      options: { message: (a) => `${a.property} ${dateProblem(a.value)?.text ?? 'is not a date'}`, ...options },
      validator: { validate: (v: unknown) => v === null || v === undefined || dateProblem(v) === null },
    });
}

/**
 * A day something happened (a report, a payment, a step, a succession): from MIN_DATE up to today in
 * China, never in the future. Null and undefined pass (optional arguments); services that default a
 * missing date use assertPastDate.
 */
export function IsPastDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPastDate',
      target: object.constructor,
      propertyName,
      options: { message: (a) => `${a.property} ${dateProblem(a.value, { past: true })?.text ?? 'is not a date'}`, ...options },
      validator: { validate: (v: unknown) => v === null || v === undefined || dateProblem(v, { past: true }) === null },
    });
}

/** 统一社会信用代码 with a correct GB 32100-2015 check character. */
export function IsUscc(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isUscc',
      target: object.constructor,
      propertyName,
      options: {
        message: `${propertyName} is not a valid unified social credit code (18 characters, GB 32100-2015 check character)`,
        ...options,
      },
      validator: { validate: (v: unknown) => typeof v === 'string' && isValidUscc(v) },
    });
}
