import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { request } from '../../dataProvider';
import { AuditHistoryDocument } from '../../graphql/generated';
import { formatAt } from './dates';
import { enumOf } from './enums';

interface Event {
  id: string;
  at: string;
  actorName: string;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

const HIDDEN = new Set(['id', 'createdAt', 'updatedAt']);
const show = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v));

/** What changed in an event: one row per field whose value differs. */
function changes(e: Event): Array<{ field: string; before: unknown; after: unknown }> {
  const keys = new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})]);
  return [...keys]
    .filter((k) => !HIDDEN.has(k) && JSON.stringify(e.before?.[k] ?? null) !== JSON.stringify(e.after?.[k] ?? null))
    .map((k) => ({ field: k, before: e.before?.[k], after: e.after?.[k] }));
}

/** 修改记录: the record's audit trail: who changed what, when, before → after. */
export const History = () => {
  const record = useRecordContext();
  const resource = useResourceContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [events, setEvents] = useState<Event[] | null>(null);

  useEffect(() => {
    if (!record?.id || !resource) return;
    request(AuditHistoryDocument, { entityType: resource, entityId: String(record.id) }).then(
      (d) => setEvents(d.allAuditEvents as Event[]), // before and after are JSON: the record's fields as they were
      () => setEvents(null),
    );
  }, [record?.id, record?.updatedAt, resource]);

  if (!events) return null;
  const fieldLabel = (f: string) => translate(`resources.${resource}.fields.${f}`, { _: f });
  // an enum value reads as its label (状态 已审批 → 已发放), like the exports
  const value = (f: string, v: unknown) => {
    const enumName = resource ? enumOf(resource, f) : undefined;
    return enumName && typeof v === 'string' ? translate(`enums.${enumName}.${v}`, { _: v }) : show(v);
  };
  return (
    <Box sx={{ mt: 2 }} data-testid="history">
      <Typography variant="h6" gutterBottom>
        {translate('app.history.title')}
      </Typography>
      {events.length === 0 ? (
        <Typography variant="body2">{translate('app.history.empty')}</Typography>
      ) : (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('resources.AuditEvent.fields.at')}</TableCell>
              <TableCell>{translate('resources.AuditEvent.fields.actorName')}</TableCell>
              <TableCell>{translate('resources.AuditEvent.fields.action')}</TableCell>
              <TableCell>{translate('app.history.field')}</TableCell>
              <TableCell>{translate('app.history.before')}</TableCell>
              <TableCell>{translate('app.history.after')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {events.flatMap((e) => {
              const rows = changes(e);
              const lines = rows.length ? rows : [{ field: '', before: undefined, after: undefined }];
              return lines.map((c, i) => (
                <TableRow key={`${e.id}-${i}`}>
                  <TableCell>{i === 0 ? formatAt(e.at, locale) : ''}</TableCell>
                  <TableCell>{i === 0 ? (e.actorName === 'system' ? translate('app.history.system') : e.actorName) : ''}</TableCell>
                  <TableCell>{i === 0 ? translate(`enums.AuditAction.${e.action}`, { _: e.action }) : ''}</TableCell>
                  <TableCell>{c.field ? fieldLabel(c.field) : ''}</TableCell>
                  <TableCell>{c.field ? value(c.field, c.before) : ''}</TableCell>
                  <TableCell>{c.field ? value(c.field, c.after) : ''}</TableCell>
                </TableRow>
              ));
            })}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};
