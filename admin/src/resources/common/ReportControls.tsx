import { MenuItem, Stack, TextField as MuiTextField } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

/**
 * The row above a report as of a day (通报, 投诉办理统计): the area it is about, the day, and the
 * report's own buttons (xlsx, PDF). Stacked on a phone. Test ids: `<testId>-office`, `<testId>-date`.
 */
export function ReportControls(props: {
  testId: string;
  offices: ReadonlyArray<{ id: string; name: string }>;
  office: string;
  onOffice: (id: string) => void;
  asOf: string;
  onAsOf: (day: string) => void;
  labels: { office: string; asOf: string };
  children?: ReactNode;
}) {
  const translate = useTranslate();
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2, alignItems: { sm: 'center' } }}>
      <MuiTextField
        select
        size="small"
        sx={{ minWidth: 200 }}
        label={translate(props.labels.office)}
        value={props.offices.length ? props.office : ''}
        onChange={(e) => props.onOffice(e.target.value)}
        data-testid={`${props.testId}-office`}
      >
        {props.offices.map((o) => (
          <MenuItem key={o.id} value={o.id}>
            {o.name}
          </MenuItem>
        ))}
      </MuiTextField>
      <MuiTextField
        type="date"
        size="small"
        label={translate(props.labels.asOf)}
        value={props.asOf}
        onChange={(e) => props.onAsOf(e.target.value)}
        slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': `${props.testId}-date` } }}
      />
      {props.children}
    </Stack>
  );
}
