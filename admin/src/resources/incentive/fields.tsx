import { Chip } from '@mui/material';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { formatFen } from './money';

/** An amount in fen, shown as yuan: ¥30,000.00. */
export const FenField = ({ source, testid }: { source: string; label?: string; sortBy?: string; sortable?: boolean; testid?: string }) => {
  const record = useRecordContext();
  const [locale] = useLocaleState();
  if (!record) return null;
  const fen = record[source] as number | null;
  return (
    <span data-testid={testid} data-fen={fen ?? ''} style={{ whiteSpace: 'nowrap' }}>
      {formatFen(fen, locale)}
    </span>
  );
};

const PAYOUT_COLOR = { DRAFT: 'default', SUBMITTED: 'warning', APPROVED: 'info', PAID: 'success', REJECTED: 'error', CANCELLED: 'default' } as const;
const CASE_COLOR = { APPLIED: 'default', INSPECTED: 'info', SUPERIOR_ACCEPTED: 'primary', STREET_ACCEPTED: 'success', REJECTED: 'error' } as const;

/** A payout's or award case's status as a coloured chip. */
export const StatusChip = ({ enumName, status }: { enumName: 'PayoutStatus' | 'AwardCaseStatus'; status: string }) => {
  const translate = useTranslate();
  const colors: Record<string, 'default' | 'warning' | 'info' | 'success' | 'error' | 'primary'> = enumName === 'PayoutStatus' ? PAYOUT_COLOR : CASE_COLOR;
  return <Chip size="small" color={colors[status] ?? 'default'} label={translate(`enums.${enumName}.${status}`)} data-testid="status" data-status={status} />;
};

/** StatusChip for the record in context (lists). */
export const StatusField = ({ enumName }: { enumName: 'PayoutStatus' | 'AwardCaseStatus'; label?: string; source?: string }) => {
  const record = useRecordContext();
  return record ? <StatusChip enumName={enumName} status={record.status} /> : null;
};
