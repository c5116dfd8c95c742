import type { Express } from 'express';
import { assertLocalDate, todayInChina } from '../../common/dates';
import { toId } from '../../common/errors';
import { type HttpKit, signedInGet } from '../../common/http-auth';
import { sendPrintable } from '../../common/print';
import { rosterHtml } from './roster.print';

/**
 * GET /print/roster/<groupId>?asOf=YYYY-MM-DD — the group's roster on that day (default today) as a
 * printable page, for a signed-in user, read through the same scope rule as `WorkingGroup(id)`.
 */
export function mountRosterPrint(app: Express, kit: HttpKit): void {
  signedInGet(
    app,
    '/print/roster/:id',
    kit,
    'The roster could not be printed',
    (req) => {
      const asOf = typeof req.query.asOf === 'string' && req.query.asOf ? assertLocalDate(req.query.asOf, 'asOf') : todayInChina();
      return kit.services.rosterPrint.of(toId(String(req.params.id), 'id'), asOf);
    },
    (res, roster) => sendPrintable(res, rosterHtml(roster, todayInChina())),
  );
}
