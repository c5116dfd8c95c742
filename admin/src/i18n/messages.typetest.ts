/* Type-level test of defineMessages (checked by `npm run typecheck`, never imported): a missing or extra key in either language fails. */
import { defineMessages } from './messages';
const zh = { a: 'x', b: { c: 'y' } };
const enOk = { a: 'x', b: { c: 'y' } };
const enMissing = { a: 'x', b: {} };
const enExtra = { a: 'x', b: { c: 'y', d: 'z' } };
defineMessages(zh, enOk);
// @ts-expect-error missing key
defineMessages(zh, enMissing);
// @ts-expect-error extra key
defineMessages(zh, enExtra);
// @ts-expect-error extra key in a literal
defineMessages({ a: 'x' }, { a: 'x', e: 'y' });
