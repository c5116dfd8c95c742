import { GraphQLError } from 'graphql';
import { formatError as format, type FormatOptions } from '../src/common/format-error';
import { badInput } from '../src/common/errors';

const formatError = (formatted: Parameters<typeof format>[0], error: unknown, production: boolean) =>
  format(formatted, error, { production, hideSuggestions: production, report: () => undefined } satisfies FormatOptions);

describe('error formatting', () => {
  it('masks unexpected errors in production, and only there', () => {
    const internal = new GraphQLError('SQLITE_BUSY: database is locked at /srv/data', { originalError: new Error('boom') });
    const formatted = { message: internal.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    expect(formatError(formatted, internal, true)).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(formatError(formatted, internal, false).message).toMatch(/SQLITE_BUSY/);
  });

  it('keeps coded errors as they are, in production too', () => {
    const err = badInput('uscc', 'uscc is not valid');
    const formatted = { message: err.message, extensions: { ...err.extensions } };
    expect(formatError(formatted, err, true)).toEqual({ message: 'uscc is not valid', extensions: { code: 'BAD_USER_INPUT', field: 'uscc' } });
  });
});
