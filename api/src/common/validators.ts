import { Matches, registerDecorator, type ValidationOptions } from 'class-validator';
import { isLocalDate } from './dates';
import { isValidUscc } from './uscc';

/** Not empty and not only white space. */
export const NotBlank = (field: string) => Matches(/\S/, { message: `${field} cannot be empty` });

export function IsLocalDate(options?: ValidationOptions) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isLocalDate',
      target: object.constructor,
      propertyName,
      options: { message: `${propertyName} must be a date written YYYY-MM-DD`, ...options },
      validator: { validate: (v: unknown) => typeof v === 'string' && isLocalDate(v) },
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
