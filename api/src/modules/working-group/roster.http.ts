import type { Express, Request, Response } from 'express';
import { assertLocalDate, todayInChina } from '../../common/dates';
import { toId } from '../../common/errors';
import { type HttpKit, inScope, refuseHttp, signIn } from '../../common/http-auth';
import { sendPrintable } from '../../common/print';
import { rosterHtml } from './roster.print';

/**
 * GET /print/roster/<groupId>?asOf=YYYY-MM-DD — the group's roster on that day (default today) as a
 * printable page, for a signed-in user, read through the same scope rule as `WorkingGroup(id)`.
 */
export function mountRosterPrint(app: Express, kit: HttpKit): void {
  app.get('/print/roster/:id', (req, res) => void page(req, res, kit));
}

async function page(req: Request, res: Response, kit: HttpKit): Promise<void> {
  try {
    const asOfParam = typeof req.query.asOf === 'string' && req.query.asOf ? req.query.asOf : undefined;
    const roster = await inScope(req, kit, undefined, async () => {
      await signIn(req, kit);
      const asOf = asOfParam ? assertLocalDate(asOfParam, 'asOf') : todayInChina();
      return kit.services.rosterPrint.of(toId(String(req.params.id), 'id'), asOf);
    });
    sendPrintable(res, rosterHtml(roster, todayInChina()));
  } catch (err) {
    refuseHttp(req, res, err, { what: 'The roster could not be printed' });
  }
}
