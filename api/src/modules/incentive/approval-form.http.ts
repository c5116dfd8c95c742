import type { Express } from 'express';
import { todayInChina } from '../../common/dates';
import { toId } from '../../common/errors';
import { type HttpKit, signedInGet } from '../../common/http-auth';
import { sendPrintable } from '../../common/print';
import { approvalFormHtml } from './approval-form';

/**
 * GET /print/payout/<id> — the payout's 审批单 as a printable page, for a signed-in user (the GraphQL
 * endpoint's bearer token), read through the same scope rule as `Payout(id)`: out of scope is NOT_FOUND.
 */
export function mountApprovalForm(app: Express, kit: HttpKit): void {
  signedInGet(
    app,
    '/print/payout/:id',
    kit,
    'The approval form could not be made',
    (req) => kit.services.approvalForm.of(toId(String(req.params.id), 'id')),
    (res, form) => sendPrintable(res, approvalFormHtml(form, todayInChina())),
  );
}
