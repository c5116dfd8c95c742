import type { Express, Request, Response } from 'express';
import { todayInChina } from '../../common/dates';
import { toId } from '../../common/errors';
import { type HttpKit, inScope, refuseHttp, signIn } from '../../common/http-auth';
import { sendPrintable } from '../../common/print';
import { approvalFormHtml } from './approval-form';

/**
 * GET /print/payout/<id> — the payout's 审批单 as a printable page, for a signed-in user (the GraphQL
 * endpoint's bearer token), read through the same scope rule as `Payout(id)`: out of scope is NOT_FOUND.
 */
export function mountApprovalForm(app: Express, kit: HttpKit): void {
  app.get('/print/payout/:id', (req, res) => void page(req, res, kit));
}

async function page(req: Request, res: Response, kit: HttpKit): Promise<void> {
  try {
    const form = await inScope(req, kit, undefined, async () => {
      await signIn(req, kit);
      return kit.services.approvalForm.of(toId(String(req.params.id), 'id'));
    });
    sendPrintable(res, approvalFormHtml(form, todayInChina()));
  } catch (err) {
    refuseHttp(req, res, err, { what: 'The approval form could not be made' });
  }
}
