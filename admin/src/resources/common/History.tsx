import { Box, Button, Collapse, List, ListItem, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocaleState, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { request } from '../../dataProvider';
import { AuditHistoryDocument } from '../../graphql/generated';
import { type Described, HistoryReader } from './history';

/** The field-by-field changes behind a sentence, for auditors: the same labels and names, before → after. */
export const Details = ({ details }: { details: Described['details'] }) => {
  const translate = useTranslate();
  return (
    <Table size="small" sx={{ mb: 1 }} data-testid="history-details">
      <TableHead>
        <TableRow>
          <TableCell>{translate('app.history.field')}</TableCell>
          <TableCell>{translate('app.history.before')}</TableCell>
          <TableCell>{translate('app.history.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {details.map((d) => (
          <TableRow key={d.field} data-field={d.field}>
            <TableCell>{d.label}</TableCell>
            <TableCell>{d.before}</TableCell>
            <TableCell>{d.after}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Line = ({ event, action }: { event: Described; action: string }) => {
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  return (
    <ListItem disableGutters sx={{ display: 'block', py: 0.5 }} data-testid="history-line" data-action={action}>
      <Typography variant="body2" component="div" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1.5, alignItems: 'baseline' }}>
        <Box component="span" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
          {event.at}
        </Box>
        <span data-testid="history-sentence">{event.sentence}</span>
        {event.details.length > 0 && (
          <Button size="small" sx={{ minWidth: 0, p: 0 }} onClick={() => setOpen(!open)} data-testid="history-details-toggle" aria-expanded={open}>
            {translate(open ? 'app.history.hide_details' : 'app.history.details')}
          </Button>
        )}
      </Typography>
      <Collapse in={open} unmountOnExit>
        <Details details={event.details} />
      </Collapse>
    </ListItem>
  );
};

/**
 * 修改记录: the record's audit trail, newest first, each event a sentence ("黄珑 接任 …", "王某 将 状态
 * 由 已受理 改为 已转办") with its details behind 详情. Read through react-query keyed on the record, so
 * react-admin's refresh (which every action on a page calls when done) reads it again.
 */
export const History = () => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const id = record?.id === undefined ? undefined : String(record.id);
  const { data: events } = useQuery({
    queryKey: [resource, 'history', id],
    queryFn: async () => (await request(AuditHistoryDocument, { entityType: resource!, entityId: id! })).allAuditEvents,
    enabled: !!resource && !!id,
    // a role that may not read the audit trail is refused: no history then, and no retries
    retry: false,
  });

  if (!events) return null;
  return (
    <Box sx={{ mt: 2 }} data-testid="history">
      <Typography variant="h6" gutterBottom>
        {translate('app.history.title')}
      </Typography>
      {events.length === 0 ? (
        <Typography variant="body2">{translate('app.history.empty')}</Typography>
      ) : (
        <List dense disablePadding>
          {events.map((e) => (
            <Line key={e.id} action={e.action} event={new HistoryReader(e, translate, locale).describe()} />
          ))}
        </List>
      )}
    </Box>
  );
};
