import { Box, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useLogoutIfAccessDenied, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { getUser } from '../../authProvider';
import { request } from '../../dataProvider';
import { PendingApprovalsDocument, type PendingApprovalsQuery } from '../../graphql/generated';
import { Figure } from '../common/Figure';
import { formatFen } from './money';

/** The payout list filtered to what waits for the user: submitted, by someone else (maker-checker). */
export const awaitingMeLink = (me: string) => `/Payout?filter=${encodeURIComponent(JSON.stringify({ status: ['SUBMITTED'], notSubmittedById: me }))}`;

/**
 * 待我审批: how many payouts wait for the user's approval (submitted by someone else), a link to the
 * payout itself when there is one and to the filtered payout list otherwise, and the oldest few.
 */
export const PendingApprovals = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const user = getUser();
  const [data, setData] = useState<PendingApprovalsQuery | null>(null);
  // a session the server no longer accepts signs out, as react-admin's own reads do
  const denied = useLogoutIfAccessDenied();
  useEffect(() => {
    if (user) request(PendingApprovalsDocument, { me: user.id }).then(setData, denied);
  }, [user?.id, denied]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!user) return null;
  const count = data?.count.count ?? null;
  const to = count === 1 && data?.pending[0] ? `/Payout/${data.pending[0].id}/show` : awaitingMeLink(user.id);
  // approving is the party-building office's; an ADMIN sees what waits for them
  const label = translate(user.role === 'PARTY_OFFICE' ? 'app.approvals.mine' : 'app.approvals.waiting');
  return (
    <Box data-testid="pending-approvals">
      <Figure label={label} value={count} to={to} testid="figure-approvals" tone="primary" />
      {data && data.pending.length > 1 && (
        <Box component="ul" sx={{ m: 0, mt: 1, pl: 2.5 }}>
          {data.pending.map((p) => (
            <Typography component="li" variant="body2" key={p.id}>
              <Link to={`/Payout/${p.id}/show`} data-testid="pending-payout">
                {p.recipientName} {formatFen(p.amountFen, locale)}
              </Link>
            </Typography>
          ))}
        </Box>
      )}
    </Box>
  );
};
