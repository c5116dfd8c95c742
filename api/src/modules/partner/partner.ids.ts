import { badInput } from '../../common/errors';

/*
 * Opaque ids and cursors: base64url of "Type:id" and "o:offset". Partners must not build or parse
 * them; the server checks them and answers BAD_USER_INPUT for anything it did not issue.
 */

export const encodeId = (type: string, id: number) => Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');

export function decodeId(type: string, value: string, field: string): number {
  const m = /^([A-Za-z]+):([1-9][0-9]{0,9})$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!m || m[1] !== type) throw badInput(field, `${field} is not an id this API issued for ${type === 'Area' ? 'an' : 'a'} ${type}`, 'UNISSUED_ID');
  return Number(m[2]);
}

export const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`, 'utf8').toString('base64url');

/** The offset the page after `after` starts at (0 without a cursor). */
export function offsetAfter(after: string | null | undefined): number {
  if (after == null) return 0;
  const m = /^o:(0|[1-9][0-9]{0,8})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!m) throw badInput('after', 'after is not a cursor from this API', 'UNISSUED_CURSOR');
  return Number(m[1]) + 1;
}
