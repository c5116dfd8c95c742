import DoneAllIcon from '@mui/icons-material/DoneAll';
import { type RaRecord, useLocaleState, useTranslate } from 'react-admin';
import { request } from '../../dataProvider';
import { ApprovePayoutInBulkDocument } from '../../graphql/generated';
import { useCanEdit } from '../common/actions';
import { BulkExportSelected, BulkRunButton } from '../common/BulkRun';
import { newIdempotencyKey } from '../common/MutationDialog';
import { formatFen } from './money';

/**
 * 批量审批: the office approves several submitted payouts at once. Each is the same approvePayout as
 * on its page, in its own transaction, with its own idempotency key: maker-checker (nobody approves
 * what they submitted) and the year's budget are checked row by row, and a refused row (MAKER_CHECKER,
 * NO_BUDGET, not submitted…) is reported by its reason while the others go through. All-or-nothing
 * would let one own submission hold back a whole batch the office has checked.
 */
const BulkApproveButton = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <BulkRunButton
      label="app.payouts.bulk_approve"
      confirm="app.payouts.bulk_approve_confirm"
      icon={<DoneAllIcon />}
      testid="bulk-approve"
      describe={(r: RaRecord) => `${r.recipientName}（${translate(`enums.RecipientRole.${r.recipientRole}`)}）${formatFen(r.amountFen as number, locale)}`}
      run={(r) => request(ApprovePayoutInBulkDocument, { id: String(r.id), idempotencyKey: newIdempotencyKey() })}
    />
  );
};

/** The payout list's bulk actions: approve (editors) and export the selected rows. */
export const PayoutBulkActions = () => {
  const editable = useCanEdit();
  return (
    <>
      {editable && <BulkApproveButton />}
      <BulkExportSelected />
    </>
  );
};
