import { Typography } from '@mui/material';
import { useLocaleState, useRecordContext } from 'react-admin';
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

/** Where a rule comes from: 文号 (or the document's title) · 条款号, then the clause as printed. */
export const ClauseCitation = (props: {
  document: { docNumber: string | null; title: string } | null | undefined;
  clause: { number: string } | null | undefined;
  printed: string | null | undefined;
}) => (
  <>
    <Typography variant="body2" sx={{ fontWeight: 500 }}>
      {[props.document?.docNumber ?? props.document?.title, props.clause?.number].filter(Boolean).join(' · ') || '—'}
    </Typography>
    {props.printed && (
      <Typography variant="body2" component="blockquote" sx={{ m: 0, mt: 0.5, pl: 1.5, borderLeft: 3, borderColor: 'divider', color: 'text.secondary' }}>
        {props.printed}
      </Typography>
    )}
  </>
);
