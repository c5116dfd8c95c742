import { NoticeLinkButton } from '../public-notice/NoticeLinkButton';
import { Accordion, AccordionDetails, AccordionSummary, Alert, Box, Chip, Stack, TextField as MuiTextField, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { useCallback, useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { request } from '../../dataProvider';
import { useErrorText, type Failure } from '../../dataProvider/errors';
import { PublishRatingPeriodDocument, RatingPublicationPreviewDocument, type EditionFragment, type RatingPublicationPreviewQuery } from '../../graphql/generated';
import { useCanEdit } from '../common/actions';
import { today } from '../common/dates';
import { MutationDialog } from '../common/MutationDialog';
import { formatTotal, ListStatusChip, Stars } from './fields';
import { settled } from './gridModel';

/** A published edition (the Edition fragment, Publication.graphql). */
export type Edition = EditionFragment;
type Preview = RatingPublicationPreviewQuery['ratingPublicationPreview'];
/** A ranked entry of an edition, or of the preview (which also says whether it differs from the latest edition). */
export type Entry = Edition['entries'][number] & { changed?: boolean };

/** Ranked entries: 排名, name and credit code, total, stars, list and why. */
export const EntriesTable = ({ entries, changes = false, testid }: { entries: Entry[]; changes?: boolean; testid: string }) => {
  const translate = useTranslate();
  return (
    <Table size="small" data-testid={testid}>
      <TableHead>
        <TableRow>
          <TableCell align="right">{translate('app.ratings.rank')}</TableCell>
          <TableCell>{translate('app.ratings.subject')}</TableCell>
          <TableCell>{translate('resources.PropertyCompany.fields.uscc')}</TableCell>
          <TableCell align="right">{translate('app.ratings.total')}</TableCell>
          <TableCell>{translate('app.ratings.stars_column')}</TableCell>
          <TableCell>{translate('app.ratings.list')}</TableCell>
          <TableCell>{translate('app.ratings.reasons')}</TableCell>
          {changes && <TableCell>{translate('app.ratings.changed')}</TableCell>}
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((e) => (
          <TableRow
            key={`${e.rank}-${e.subjectName}`}
            data-testid="entry"
            data-subject={e.subjectName}
            data-rank={e.rank}
            data-stars={e.stars}
            data-list-status={e.listStatus}
            data-changed={e.changed ?? ''}
          >
            <TableCell align="right">{e.rank}</TableCell>
            <TableCell>{e.subjectName}</TableCell>
            <TableCell>{e.uscc ?? '—'}</TableCell>
            <TableCell align="right">{formatTotal(e.total)}</TableCell>
            <TableCell>
              <Stars stars={e.stars} />
            </TableCell>
            <TableCell>
              <ListStatusChip status={e.listStatus} />
            </TableCell>
            <TableCell sx={{ maxWidth: 320 }}>{e.listStatus !== 'NONE' ? e.reasons.join('；') || '—' : '—'}</TableCell>
            {changes && <TableCell>{e.changed ? <Chip size="small" color="warning" variant="outlined" label={translate('app.ratings.changed_mark')} data-testid="changed-mark" /> : null}</TableCell>}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/**
 * 公布 / 发布更正: freezes the period's ratings as an edition partners read from that day. A period
 * already published gets a correction: the next revision, with the reason it needs (the earlier
 * edition stays readable).
 */
const PublishButton = ({ periodId, periodCode, preview, onDone }: { periodId: string; periodCode: string; preview: Preview; onDone: () => void }) => {
  const translate = useTranslate();
  const latest = preview.latest;
  const correcting = !!latest;
  const count = (s: string) => preview.entries.filter((e) => e.listStatus === s).length;
  return (
    <MutationDialog
      label={correcting ? 'app.ratings.publish.correct' : 'app.ratings.publish.button'}
      variant="contained"
      color={correcting ? 'warning' : 'primary'}
      confirmLabel={correcting ? 'app.ratings.publish.correct' : 'app.ratings.publish.button'}
      testids={{ open: 'publish', confirm: 'publish-confirm', error: 'publish-error' }}
      initial={() => ({ reason: '', publishedOn: today() })}
      required={correcting ? ['reason', 'publishedOn'] : ['publishedOn']}
      submit={(v) =>
        request(PublishRatingPeriodDocument, {
          periodId,
          reason: v.reason.trim() || null,
          publishedOn: v.publishedOn,
          // the revision this preview was made against: if another edition came first, STALE
          expectedRevision: latest?.revision ?? 0,
        }).catch((e: Failure) => {
          // someone else published this revision meanwhile: say so, rather than "changed by someone else"
          if (e.body?.extensions?.reason === 'STALE') throw Object.assign(e, { message: 'app.ratings.errors.published_meanwhile' });
          throw e;
        })
      }
      success={correcting ? 'app.ratings.publish.corrected' : 'app.ratings.publish.done'}
      successArgs={{ revision: (latest?.revision ?? 0) + 1, period: periodCode }}
      onDone={onDone}
    >
      {(form) => (
        <>
          <Typography variant="body1" data-testid="publish-summary">
            {translate(correcting ? 'app.ratings.publish.confirm_correction' : 'app.ratings.publish.confirm_first', {
              period: periodCode,
              revision: (latest?.revision ?? 0) + 1,
              previous: latest?.revision ?? 0,
              previousOn: latest?.publishedOn ?? '',
              count: preview.entries.length,
              red: count('RED'),
              black: count('BLACK'),
            })}
          </Typography>
          {correcting && <Alert severity="warning">{translate('app.ratings.publish.correction_needs_reason')}</Alert>}
          <MuiTextField
            type="date"
            label={translate('resources.RatingPublication.fields.publishedOn')}
            {...form.field('publishedOn')}
            helperText={form.field('publishedOn').helperText ?? translate('app.ratings.publish.date_help')}
            required
            slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: today(), 'data-testid': 'publish-date' } }}
          />
          <MuiTextField
            label={translate(correcting ? 'app.ratings.publish.reason_required' : 'app.ratings.publish.reason_optional')}
            {...form.field('reason')}
            required={correcting}
            multiline
            minRows={2}
            slotProps={{ htmlInput: { 'data-testid': 'publish-reason' } }}
          />
        </>
      )}
    </MutationDialog>
  );
};

/**
 * 公布预览: what publishing now would publish: the ranking with stars, list and reasons, what
 * changed since the published edition, and the ratings still incomplete (publishing waits for them).
 */
export const PublicationPreviewPanel = ({ periodId, periodCode, onPublished }: { periodId: string; periodCode: string; onPublished: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const edit = useCanEdit();
  const [preview, setPreview] = useState<Preview | null>(null);
  const load = useCallback(async () => {
    await settled(); // scores typed a moment ago are saved first
    const d = await request(RatingPublicationPreviewDocument, { periodId });
    setPreview(d.ratingPublicationPreview);
  }, [periodId]);
  useEffect(() => {
    load().catch((e) => notify(errorText(e as Failure), { type: 'error' }));
  }, [load, notify, errorText]); // once per period (notify and errorText are stable)
  if (!preview) return null;
  const latest = preview.latest;
  const count = (s: string) => preview.entries.filter((e) => e.listStatus === s).length;
  const changed = preview.entries.filter((e) => e.changed).length;
  return (
    <Box data-testid="publication-preview" data-ready={preview.ready}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="body2" data-testid="preview-summary">
          {translate('app.ratings.preview.summary', { count: preview.entries.length, red: count('RED'), black: count('BLACK') })}
          {latest ? ` ${translate('app.ratings.preview.against', { revision: latest.revision, date: latest.publishedOn, changed })}` : ` ${translate('app.ratings.preview.first')}`}
        </Typography>
        <Box sx={{ flex: 1 }} />
        {edit && (preview.entries.length > 0 || preview.incomplete.length > 0) && (
          <PublishButton
            periodId={periodId}
            periodCode={periodCode}
            preview={preview}
            onDone={() => {
              void load();
              onPublished();
            }}
          />
        )}
      </Stack>
      {preview.ready ? (
        <Alert severity="success" sx={{ mb: 1.5 }} data-testid="preview-ready">
          {translate(latest ? 'app.ratings.preview.ready_correction' : 'app.ratings.preview.ready')}
        </Alert>
      ) : (
        <Alert severity={preview.incomplete.length ? 'warning' : 'info'} sx={{ mb: 1.5 }} data-testid="preview-not-ready">
          {translate(preview.incomplete.length ? 'app.ratings.preview.incomplete' : preview.entries.length ? 'app.ratings.preview.unchanged' : 'app.ratings.preview.nothing', {
            smart_count: preview.incomplete.length,
          })}
        </Alert>
      )}
      {preview.incomplete.length > 0 && (
        <Box sx={{ mb: 2 }}>
          <Typography variant="subtitle2">{translate('app.ratings.preview.incomplete_title')}</Typography>
          <Table size="small" data-testid="preview-incomplete">
            <TableHead>
              <TableRow>
                <TableCell>{translate('app.ratings.subject')}</TableCell>
                <TableCell>{translate('app.ratings.preview.missing')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.incomplete.map((i) => (
                <TableRow key={i.ratingId} data-testid="incomplete" data-subject={i.subjectName}>
                  <TableCell>{i.subjectName}</TableCell>
                  <TableCell>{i.missing.join('、')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {preview.dropped.length > 0 && (
        <Alert severity="warning" sx={{ mb: 1.5 }}>
          {translate('app.ratings.preview.dropped', { names: preview.dropped.join('、') })}
        </Alert>
      )}
      {preview.entries.length > 0 && <EntriesTable entries={preview.entries} changes={!!latest} testid="preview-entries" />}
    </Box>
  );
};

/** 已公布版次: every edition of the period, newest first, each with its frozen entries. */
export const EditionsPanel = ({ editions }: { editions: Edition[] }) => {
  const translate = useTranslate();
  if (!editions.length) return <Alert severity="info">{translate('app.ratings.editions.none')}</Alert>;
  return (
    <Box data-testid="editions">
      {editions.map((e, i) => (
        <Accordion key={e.id} defaultExpanded={i === 0} disableGutters data-testid="edition" data-revision={e.revision}>
          <AccordionSummary expandIcon={<ExpandMoreIcon />}>
            <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <Typography variant="subtitle1" sx={{ fontWeight: 500 }}>
                {translate('app.ratings.editions.revision', { revision: e.revision })}
              </Typography>
              {i === 0 && <Chip size="small" color="primary" label={translate('app.ratings.editions.current')} />}
              <Typography variant="body2" color="text.secondary">
                {translate('app.ratings.editions.line', { date: e.publishedOn, by: e.publishedByName, count: e.entryCount, red: e.redCount, black: e.blackCount })}
              </Typography>
            </Stack>
          </AccordionSummary>
          <AccordionDetails>
            {e.reason && (
              <Alert severity={e.revision > 1 ? 'warning' : 'info'} sx={{ mb: 1 }} data-testid="edition-reason">
                {translate(e.revision > 1 ? 'app.ratings.editions.correction_reason' : 'app.ratings.editions.note', { reason: e.reason })}
              </Alert>
            )}
            <EntriesTable entries={e.entries} testid="edition-entries" />
            {/* 002 二.3 每季向社会公布: a public link to the printable edition */}
            <Box sx={{ mt: 1 }}>
              <NoticeLinkButton kind="PUBLICATION_EDITION" targetId={String(e.id)} />
            </Box>
          </AccordionDetails>
        </Accordion>
      ))}
    </Box>
  );
};
