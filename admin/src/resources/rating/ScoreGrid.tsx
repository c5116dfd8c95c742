import CheckIcon from '@mui/icons-material/Check';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import ErrorIcon from '@mui/icons-material/ErrorOutlined';
import GridOnIcon from '@mui/icons-material/GridOn';
import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Checkbox, CircularProgress, IconButton, Stack, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Tooltip, Typography } from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Button, Confirm, useNotify, useTranslate } from 'react-admin';
import { request } from '../../dataProvider';
import { useErrorText, type Failure } from '../../dataProvider/errors';
import { DeleteRatingDocument, ScoreGridPageDocument, type ScoreGridPageQuery, UpdateRatingDocument } from '../../graphql/generated';
import { useCanEdit } from '../common/actions';
import { today } from '../common/dates';
import { downloadXlsx } from '../common/exporter';
import { fetchAllPages } from '../common/exportPaging';
import { AddSubjectButton } from './AddSubjectButton';
import { Cell, ResultCell } from './GridCells';
import { cellErrors, draftOf, mergeDraft, pendingSaves, planSave, scoreKey, type Draft, type GridRating } from './gridModel';
import { RatingImportButton, RatingTemplateButton } from './RatingImport';
import { ratingSheet } from './sheet';

type Scheme = NonNullable<ScoreGridPageQuery['scheme']>;
interface RowState {
  rating: GridRating;
  draft: Draft;
  /** cell key (scoreKey, dissatisfactionRate, negativeListNote, row) → message key */
  errors: Record<string, string>;
  status: 'idle' | 'saving' | 'saved' | 'error';
  /** The draft last refused, so leaving the row again does not resend it unchanged. */
  refused?: string;
}
const fresh = (rating: GridRating): RowState => ({ rating, draft: draftOf(rating), errors: {}, status: 'idle' });

/**
 * 评分录入: the period's work sheet. One row per rated subject, one column per criterion of the
 * scheme, then 业主不满意率, 负面清单 and its note; total, stars and list are the server's
 * (computed, never typed). Typing works as in a spreadsheet: Tab moves along a row, Enter saves
 * the row and goes down, ↑/↓ move between rows, Esc undoes the row's edits; leaving a row saves
 * it. A refused save changes nothing and shows the server's message at the cell.
 */
export const ScoreGrid = ({ periodId, periodCode, schemeId }: { periodId: string; periodCode: string; schemeId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const edit = useCanEdit();
  const [scheme, setScheme] = useState<Scheme | null>(null);
  const [rows, setRowsState] = useState<RowState[]>([]);
  const [deleting, setDeleting] = useState<GridRating | null>(null);
  // every change goes through setRows, so the ref is current even before React renders again
  const rowsRef = useRef<RowState[]>([]);
  const setRows = (next: RowState[]) => {
    rowsRef.current = next;
    setRowsState(next);
  };
  const inFlight = useRef(new Map<string, Promise<void>>());
  const again = useRef(new Set<string>());
  const cells = useRef(new Map<string, HTMLInputElement>());

  const load = useCallback(async () => {
    let found: Scheme | null = null;
    // every rating of the period, page by page: the grid, and so its export, holds them all
    const { records } = await fetchAllPages<GridRating>(async (page, perPage) => {
      const d = await request(ScoreGridPageDocument, { periodId, schemeId, page: page - 1, perPage });
      found = d.scheme;
      return { data: d.ratings, total: d.total.count };
    });
    setScheme(found);
    setRows(records.map(fresh));
  }, [periodId, schemeId]);
  useEffect(() => {
    load().catch((e) => notify(errorText(e as Failure), { type: 'error' }));
  }, [load, notify, errorText]); // once per period (notify and errorText are stable)

  const update = (id: string, f: (r: RowState) => RowState) => setRows(rowsRef.current.map((r) => (r.rating.id === id ? f(r) : r)));

  const save = async (id: string): Promise<void> => {
    if (!scheme) return;
    const running = inFlight.current.get(id);
    if (running) {
      again.current.add(id);
      return running;
    }
    const row = rowsRef.current.find((r) => r.rating.id === id);
    if (!row) return;
    const plan = planSave(row.rating, row.draft, scheme.criteria);
    if (Object.keys(plan.errors).length) return update(id, (r) => ({ ...r, errors: plan.errors, status: 'error' }));
    const args = Object.keys(plan.variables);
    if (!args.length) {
      if (row.status === 'error') update(id, (r) => ({ ...r, errors: {}, status: 'idle', refused: undefined }));
      return;
    }
    const sent = row.draft;
    if (row.refused === JSON.stringify(sent)) return;
    update(id, (r) => ({ ...r, status: 'saving' }));
    const run = (async () => {
      try {
        const d = await request(UpdateRatingDocument, { id, ...plan.variables });
        const saved = d.updateRating;
        update(id, (r) => ({ rating: saved, draft: mergeDraft(draftOf(saved), sent, r.draft), errors: {}, status: 'saved' }));
      } catch (e) {
        const f = e as Failure;
        update(id, (r) => ({ ...r, errors: cellErrors(f, plan.sent, f.message), status: 'error', refused: JSON.stringify(sent) }));
      }
    })();
    inFlight.current.set(id, run);
    pendingSaves.add(run);
    await run;
    inFlight.current.delete(id);
    pendingSaves.delete(run);
    if (again.current.delete(id)) await save(id);
  };

  const setCell = (id: string, key: string, change: (d: Draft) => Draft) =>
    update(id, (r) => {
      const errors = { ...r.errors };
      delete errors[key];
      delete errors.row;
      return { ...r, draft: change(r.draft), errors, status: r.status === 'saved' ? 'idle' : r.status, refused: undefined };
    });

  const focus = (row: number, col: number) => {
    const el = cells.current.get(`${row}:${col}`);
    if (el) el.focus();
    return !!el;
  };
  const keys = (index: number, col: number, id: string) => (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (!focus(index + 1, col)) void save(id);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focus(index + (e.key === 'ArrowDown' ? 1 : -1), col);
    } else if (e.key === 'Escape') {
      update(id, (r) => ({ ...r, draft: draftOf(r.rating), errors: {}, status: 'idle', refused: undefined }));
    }
  };
  const ref = (index: number, col: number) => (el: HTMLInputElement | null) => {
    if (el) cells.current.set(`${index}:${col}`, el);
    else cells.current.delete(`${index}:${col}`);
  };

  const rated = useMemo(() => new Set(rows.map((r) => r.rating.propertyCompanyId).filter((x): x is string => !!x)), [rows]);
  if (!scheme) return null;
  const criteria = scheme.criteria;
  const ratings = rows.map((r) => r.rating);
  const count = (f: (r: GridRating) => boolean) => ratings.filter(f).length;

  const added = (r: GridRating) => {
    setRows([...rowsRef.current, fresh(r)]);
    setTimeout(() => focus(rowsRef.current.length - 1, 0), 100);
  };
  const remove = async () => {
    if (!deleting) return;
    try {
      await request(DeleteRatingDocument, { id: deleting.id });
      setRows(rowsRef.current.filter((r) => r.rating.id !== deleting.id));
      notify('app.ratings.deleted', { type: 'success', messageArgs: { name: deleting.subjectName } });
    } catch (e) {
      notify(errorText(e as Failure), { type: 'error' });
    } finally {
      setDeleting(null);
    }
  };
  const exportGrid = () => downloadXlsx(ratingSheet(scheme.subjectKind, criteria, ratings, true, translate), periodCode, `${periodCode}-${translate('app.ratings.sheet_file')}-${today()}.xlsx`, {});

  const head = { fontSize: 12, lineHeight: 1.3, verticalAlign: 'bottom', py: 0.75, px: 0.75 } as const;
  const sticky = { position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 2 } as const;
  return (
    // inline-size containment: a wide grid scrolls inside its frame instead of widening the page
    <Box data-testid="score-grid" sx={{ contain: 'inline-size' }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        {edit && <AddSubjectButton periodId={periodId} subjectKind={scheme.subjectKind} rated={rated} onAdded={added} />}
        {edit && <RatingImportButton periodId={periodId} periodCode={periodCode} criteria={criteria} onDone={() => void load()} />}
        <RatingTemplateButton periodCode={periodCode} subjectKind={scheme.subjectKind} criteria={criteria} ratings={ratings} />
        <Button label="app.ratings.export" onClick={exportGrid} data-testid="rating-export">
          <GridOnIcon />
        </Button>
        <Box sx={{ flex: 1 }} />
        <Typography variant="body2" color="text.secondary" data-testid="grid-summary">
          {translate('app.ratings.summary', {
            total: ratings.length,
            complete: count((r) => r.result.complete),
            red: count((r) => r.result.listStatus === 'RED'),
            black: count((r) => r.result.listStatus === 'BLACK'),
          })}
        </Typography>
      </Stack>
      {edit && (
        <Typography variant="caption" color="text.secondary" component="div" sx={{ mb: 1 }}>
          {translate('app.ratings.keyboard')}
        </Typography>
      )}
      {rows.length === 0 ? (
        <Alert severity="info">{translate(edit ? 'app.ratings.empty_edit' : 'app.ratings.empty')}</Alert>
      ) : (
        <TableContainer sx={{ maxHeight: '68vh', border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Table size="small" stickyHeader sx={{ '& td': { px: 0.75, py: 0.5, verticalAlign: 'top' } }}>
            <TableHead>
              <TableRow>
                <TableCell sx={{ ...head, ...sticky, zIndex: 3, minWidth: 170 }}>{translate(`enums.RatedSubjectKind.${scheme.subjectKind}`)}</TableCell>
                {criteria.map((c) => (
                  <TableCell key={c.id} align="right" sx={{ ...head, maxWidth: 96 }} data-testid={`criterion-${c.code}`}>
                    {c.name}
                    <Typography variant="caption" component="div" color="text.secondary" sx={{ whiteSpace: 'nowrap' }}>
                      {translate('app.ratings.weight', { weight: c.weight })}
                      <br />
                      {translate('app.ratings.max', { max: c.maxScore })}
                    </Typography>
                  </TableCell>
                ))}
                <TableCell align="right" sx={{ ...head, maxWidth: 104 }}>
                  {translate('resources.Rating.fields.dissatisfactionRate')}
                </TableCell>
                <TableCell sx={{ ...head, whiteSpace: 'nowrap' }}>{translate('resources.Rating.fields.onNegativeList')}</TableCell>
                <TableCell sx={head}>{translate('resources.Rating.fields.negativeListNote')}</TableCell>
                <TableCell sx={head}>{translate('app.ratings.result')}</TableCell>
                <TableCell sx={head} />
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row, index) => {
                const { rating, draft, errors } = row;
                const dirty = Object.keys(planSave(rating, draft, criteria).variables).length > 0;
                const label = (what: string) => `${rating.subjectName} ${what}`;
                return (
                  <TableRow
                    key={rating.id}
                    hover
                    data-testid="rating-row"
                    data-rating-id={rating.id}
                    data-subject={rating.subjectName}
                    data-state={row.status}
                    data-dirty={dirty}
                    onBlur={(e) => {
                      if (edit && !e.currentTarget.contains(e.relatedTarget as Node | null)) void save(rating.id);
                    }}
                  >
                    <TableCell sx={sticky}>
                      <Typography variant="body2" sx={{ fontWeight: 500 }}>
                        {rating.subjectName}
                      </Typography>
                      {rating.propertyCompany && (
                        <Typography variant="caption" color="text.secondary">
                          {rating.propertyCompany.uscc}
                        </Typography>
                      )}
                      {errors.row && (
                        <Typography variant="caption" color="error" component="div" data-testid="row-error" sx={{ maxWidth: 220 }}>
                          {translate(errors.row, { _: errors.row })}
                        </Typography>
                      )}
                    </TableCell>
                    {criteria.map((c, col) => (
                      <TableCell key={c.id} align="right">
                        {edit ? (
                          <Cell
                            value={draft.scores[c.id] ?? ''}
                            onChange={(v) => setCell(rating.id, scoreKey(c.id), (d) => ({ ...d, scores: { ...d.scores, [c.id]: v } }))}
                            onKeyDown={keys(index, col, rating.id)}
                            inputRef={ref(index, col)}
                            error={errors[scoreKey(c.id)]}
                            label={label(c.name)}
                            testid={`score-${c.code}`}
                            width={56}
                          />
                        ) : (
                          (draft.scores[c.id] ?? '—')
                        )}
                      </TableCell>
                    ))}
                    <TableCell align="right">
                      {edit ? (
                        <Cell
                          value={draft.dissatisfactionRate}
                          onChange={(v) => setCell(rating.id, 'dissatisfactionRate', (d) => ({ ...d, dissatisfactionRate: v }))}
                          onKeyDown={keys(index, criteria.length, rating.id)}
                          inputRef={ref(index, criteria.length)}
                          error={errors.dissatisfactionRate}
                          label={label(translate('resources.Rating.fields.dissatisfactionRate'))}
                          testid="dissatisfaction"
                          width={56}
                        />
                      ) : (
                        (rating.dissatisfactionRate ?? '—')
                      )}
                    </TableCell>
                    <TableCell padding="checkbox">
                      <Checkbox
                        size="small"
                        checked={draft.onNegativeList}
                        disabled={!edit}
                        onChange={(e) => setCell(rating.id, 'onNegativeList', (d) => ({ ...d, onNegativeList: e.target.checked }))}
                        onKeyDown={keys(index, criteria.length + 1, rating.id)}
                        slotProps={{
                          input: { ref: ref(index, criteria.length + 1), 'aria-label': label(translate('resources.Rating.fields.onNegativeList')), 'data-testid': 'negative-list' } as object,
                        }}
                        sx={{ p: 0.25 }}
                      />
                    </TableCell>
                    <TableCell>
                      {edit ? (
                        <Cell
                          value={draft.negativeListNote}
                          onChange={(v) => setCell(rating.id, 'negativeListNote', (d) => ({ ...d, negativeListNote: v }))}
                          onKeyDown={keys(index, criteria.length + 2, rating.id)}
                          inputRef={ref(index, criteria.length + 2)}
                          error={errors.negativeListNote}
                          label={label(translate('resources.Rating.fields.negativeListNote'))}
                          testid="negative-list-note"
                          width={120}
                          align="left"
                        />
                      ) : (
                        (rating.negativeListNote ?? '—')
                      )}
                    </TableCell>
                    <TableCell>
                      <ResultCell result={rating.result} />
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {row.status === 'saving' && <CircularProgress size={16} data-testid="row-saving" />}
                      {row.status !== 'saving' && dirty && edit && (
                        <Tooltip title={translate('app.ratings.unsaved')}>
                          <IconButton size="small" tabIndex={-1} color="primary" onClick={() => void save(rating.id)} data-testid="row-save" aria-label={translate('ra.action.save')}>
                            <SaveIcon fontSize="small" />
                          </IconButton>
                        </Tooltip>
                      )}
                      {row.status === 'saved' && !dirty && (
                        <Tooltip title={translate('app.ratings.saved')}>
                          <CheckIcon fontSize="small" color="success" data-testid="row-saved" sx={{ verticalAlign: 'middle' }} />
                        </Tooltip>
                      )}
                      {row.status === 'error' && <ErrorIcon fontSize="small" color="error" sx={{ verticalAlign: 'middle' }} />}
                      {edit && (
                        <Tooltip title={translate('ra.action.delete')}>
                          <IconButton size="small" tabIndex={-1} onClick={() => setDeleting(rating)} data-testid="row-delete" aria-label={translate('ra.action.delete')}>
                            <DeleteIcon fontSize="small" />
                          </IconButton>
                        </Tooltip>
                      )}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <Confirm
        isOpen={!!deleting}
        title="app.ratings.delete_title"
        content={translate('app.ratings.delete_confirm', { name: deleting?.subjectName ?? '' })}
        onConfirm={remove}
        onClose={() => setDeleting(null)}
      />
    </Box>
  );
};
