import { Box, Card, CardContent, Typography } from '@mui/material';
import { Title, useGetList, useRefresh, useTranslate } from 'react-admin';
import { PayoutActions } from './PayoutActions';
import { PayoutDetails, type PayoutDetail } from './PayoutDetails';

/**
 * 待审批: submitted payouts, oldest first, each with what it is, why it exists and who submitted
 * it. Approve and reject appear only where the API allows them (never on one's own submission).
 */
export const Approvals = () => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const { data, isPending } = useGetList('Payout', {
    filter: { status: ['SUBMITTED'] },
    pagination: { page: 1, perPage: 200 },
    sort: { field: 'submittedAt', order: 'ASC' },
  });
  return (
    <Box sx={{ mt: 2 }} data-testid="approvals">
      <Title title="app.approvals.title" />
      <Typography variant="h5" gutterBottom>
        {translate('app.approvals.title')}（{data?.length ?? '…'}）
      </Typography>
      {!isPending && data?.length === 0 && <Typography data-testid="approvals-empty">{translate('app.approvals.empty')}</Typography>}
      {(data ?? []).map((p) => (
        <Card key={p.id} sx={{ mb: 2 }} data-testid="approval" data-payout-id={p.id}>
          <CardContent>
            <PayoutDetails payout={p as unknown as PayoutDetail} />
            <Box sx={{ mt: 1.5 }}>
              <PayoutActions payout={p as unknown as PayoutDetail} onDone={refresh} only={['APPROVED', 'REJECTED']} />
            </Box>
          </CardContent>
        </Card>
      ))}
    </Box>
  );
};
