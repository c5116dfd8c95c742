import { Typography } from '@mui/material';
import { useTranslate, type RaRecord } from 'react-admin';
import { getUser } from '../../authProvider';
import { type Move, MoveButtons } from '../common/workflow';
import { PAYOUT_VIEW } from './payout.workflow';

export interface PayoutRef {
  id: string;
  status: string;
  amountFen: number;
  recipientName: string;
  budgetYear: number;
  submittedById: string | null;
  nextMoves: Move[];
}

/**
 * The moves the signed-in user may make (the API's nextMoves: maker-checker and roles applied
 * there), each behind a confirmation dialog that sends one idempotency key per opening, so a double
 * click or a retry after a lost response acts once.
 */
export const PayoutActions = ({ payout, onDone, only }: { payout: PayoutRef; onDone: () => void; only?: string[] }) => {
  const translate = useTranslate();
  const own = payout.status === 'SUBMITTED' && !!payout.submittedById && payout.submittedById === getUser()?.id;
  return (
    <MoveButtons view={PAYOUT_VIEW} record={payout as unknown as RaRecord} onDone={onDone} only={only}>
      {own && (
        <Typography variant="body2" color="text.secondary" data-testid="own-submission">
          {translate('app.payouts.own_submission')}
        </Typography>
      )}
    </MoveButtons>
  );
};
