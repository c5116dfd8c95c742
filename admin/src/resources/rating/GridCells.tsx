import { Box, InputBase, Stack, Tooltip, Typography } from '@mui/material';
import type { KeyboardEvent } from 'react';
import { useTranslate } from 'react-admin';
import { formatTotal, ListStatusChip, Stars } from './fields';
import type { GridRating } from './gridModel';

/** One typed cell: a bare input (a grid of them must stay light), its error under it. */
export const Cell = (props: {
  value: string;
  onChange: (v: string) => void;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
  inputRef: (el: HTMLInputElement | null) => void;
  error?: string;
  label: string;
  testid: string;
  width: number;
  align?: 'left' | 'right';
}) => {
  const translate = useTranslate();
  return (
    <Box>
      <InputBase
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        onKeyDown={props.onKeyDown}
        onFocus={(e) => e.target.select()}
        inputRef={props.inputRef}
        error={!!props.error}
        inputProps={{ 'data-testid': props.testid, 'aria-label': props.label, 'aria-invalid': !!props.error, inputMode: props.align === 'left' ? 'text' : 'decimal' }}
        sx={{
          width: props.width,
          px: 0.5,
          fontSize: 14,
          border: 1,
          borderColor: props.error ? 'error.main' : 'divider',
          borderRadius: 0.5,
          bgcolor: props.error ? 'rgba(211,47,47,0.06)' : 'background.paper',
          '&.Mui-focused': { borderColor: 'primary.main', boxShadow: (t) => `0 0 0 1px ${t.palette.primary.main}` },
          '& input': { textAlign: props.align ?? 'right', py: 0.25 },
        }}
      />
      {props.error && (
        <Typography variant="caption" color="error" component="div" data-testid="cell-error" sx={{ maxWidth: Math.max(props.width, 110), lineHeight: 1.25, mt: 0.25 }}>
          {translate(props.error, { _: props.error })}
        </Typography>
      )}
    </Box>
  );
};

/** The computed result: total, stars, list, and why (or what is still missing). */
export const ResultCell = ({ result }: { result: GridRating['result'] }) => {
  const translate = useTranslate();
  return (
    <Box data-testid="rating-result" data-complete={result.complete} data-stars={result.stars ?? ''} data-total={result.total ?? ''} data-list-status={result.listStatus ?? ''} sx={{ minWidth: 150 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography variant="body2" sx={{ fontWeight: 500, minWidth: 42, textAlign: 'right' }} data-testid="rating-total">
          {formatTotal(result.total)}
        </Typography>
        {result.stars !== null && <Stars stars={result.stars} testid="rating-stars" />}
        {result.listStatus && <ListStatusChip status={result.listStatus} />}
      </Stack>
      {!result.complete && (
        <Tooltip title={result.missing.join('、')}>
          <Typography variant="caption" color="text.secondary" data-testid="rating-missing">
            {translate('app.ratings.missing_count', { smart_count: result.missing.length })}
          </Typography>
        </Tooltip>
      )}
      {result.reasons.length > 0 && result.listStatus !== 'NONE' && (
        <Typography variant="caption" component="div" color="text.secondary" sx={{ maxWidth: 220 }}>
          {result.reasons.join('；')}
        </Typography>
      )}
    </Box>
  );
};
