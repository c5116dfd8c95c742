import { Box, MenuItem, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField as MuiTextField } from '@mui/material';
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

/** One row of a report's table: its cells, and what a click on it does (open that area). */
export interface ReportRow {
  key: string;
  cells: ReadonlyArray<string | number>;
  onClick?: () => void;
  /** The area's own total, above the rows of the areas under it. */
  strong?: boolean;
}

/**
 * A report's table, scrolling sideways on a narrow screen; the column that counts what is overdue is
 * red where it is not zero. Rows carry `data-testid="<testId>"`.
 */
export function ReportTable(props: { headers: readonly string[]; rows: readonly ReportRow[]; alarmColumn: number; testId: string }) {
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small">
        <TableHead>
          <TableRow>
            {props.headers.map((h) => (
              <TableCell key={h}>{h}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {props.rows.map((r) => (
            <TableRow
              key={r.key}
              data-testid={props.testId}
              hover={Boolean(r.onClick)}
              sx={{ ...(r.onClick ? { cursor: 'pointer' } : {}), ...(r.strong ? { '& td': { fontWeight: 700 } } : {}) }}
              onClick={r.onClick}
            >
              {r.cells.map((c, i) => (
                <TableCell key={i} sx={i === props.alarmColumn && Number(c) > 0 ? { color: '#b71c1c', fontWeight: 700 } : undefined}>
                  {c}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}
