import { Box, Chip, Tooltip } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

/** Stars as ★★★☆☆ (filled to `stars` of five); nothing while a rating is incomplete. */
export const Stars = ({ stars, testid }: { stars: number | null | undefined; testid?: string }) => {
  const translate = useTranslate();
  if (stars === null || stars === undefined) return <span data-testid={testid}>—</span>;
  return (
    <Tooltip title={translate('app.ratings.stars', { smart_count: stars })}>
      <Box component="span" sx={{ whiteSpace: 'nowrap', letterSpacing: '1px' }} data-testid={testid} data-stars={stars} aria-label={translate('app.ratings.stars', { smart_count: stars })}>
        <Box component="span" sx={{ color: '#f5a623' }}>
          {'★'.repeat(stars)}
        </Box>
        <Box component="span" sx={{ color: 'action.disabled' }}>
          {'★'.repeat(Math.max(0, 5 - stars))}
        </Box>
      </Box>
    </Tooltip>
  );
};

/** 红榜 in red, 黑榜 in black, neither as a plain outline; nothing while undecided. */
export const ListStatusChip = ({ status, testid = 'list-status' }: { status: string | null | undefined; testid?: string }) => {
  const translate = useTranslate();
  if (!status) return <span data-testid={testid}>—</span>;
  const sx = status === 'BLACK' ? { bgcolor: '#212121', color: '#fff' } : status === 'RED' ? { bgcolor: '#c62828', color: '#fff' } : {};
  return <Chip size="small" variant={status === 'NONE' ? 'outlined' : 'filled'} sx={sx} label={translate(`enums.ListStatus.${status}`)} data-testid={testid} data-status={status} />;
};

/** A total to two decimals (the API computes it: never typed). */
export const formatTotal = (total: number | null | undefined) => (total === null || total === undefined ? '—' : total.toFixed(2));

/** ListStatusChip for the record in context. */
export const ListStatusField = ({ source = 'listStatus' }: { source?: string; label?: string }) => {
  const record = useRecordContext();
  return record ? <ListStatusChip status={record[source]} /> : null;
};
