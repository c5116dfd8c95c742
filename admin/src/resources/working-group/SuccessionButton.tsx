import SwapIcon from '@mui/icons-material/SwapHoriz';
import { Alert, Autocomplete, Dialog, DialogActions, DialogContent, DialogTitle, List as MuiList, ListItem, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { request } from '../../dataProvider';
import { useErrorText, type Failure } from '../../dataProvider/errors';
import { NewPersonButton } from './NewPersonButton';
import { PostHoldersDocument, RecordSuccessionDocument, SuccessionPeopleDocument, SuccessionPreviewDocument, type SuccessionPreviewQuery } from '../../graphql/generated';

interface Option {
  id: string;
  name: string;
}
type Preview = SuccessionPreviewQuery['successionPreview'];
/** How long typing must pause before the people list is asked for. */
const SEARCH_DELAY_MS = 300;

/**
 * 记录继任: on a post, pick the successor and the date, see the seats that will move, confirm.
 * "若上述人员岗位调整，由继任者担任" — the seats follow the post.
 */
export const SuccessionButton = () => {
  const post = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const [people, setPeople] = useState<Option[]>([]);
  const [search, setSearch] = useState('');
  const [successor, setSuccessor] = useState<Option | null>(null);
  const [predecessorId, setPredecessorId] = useState<string | null>(null);
  const [date, setDate] = useState('');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);

  // one request once typing pauses; a reply to an older search is dropped
  useEffect(() => {
    if (!open) return;
    let current = true;
    const timer = setTimeout(() => {
      request(SuccessionPeopleDocument, { q: search || null }).then(
        (d) => current && setPeople(d.allPeople),
        () => undefined,
      );
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [open, search]);

  useEffect(() => {
    setPreview(null);
    setError(null);
    if (!open || !successor || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    const input = { postId: String(post?.id), successorId: successor.id, date, predecessorId };
    let current = true; // a reply to an earlier choice (a slower request) is dropped
    request(SuccessionPreviewDocument, { input }).then(
      (d) => current && setPreview(d.successionPreview),
      (e: Failure) => current && setError({ field: Object.keys(e.body?.errors ?? {})[0], message: errorText(e) }),
    );
    return () => {
      current = false;
    };
  }, [open, successor, date, predecessorId, post?.id, errorText]);

  const confirm = async () => {
    try {
      await request(RecordSuccessionDocument, { input: { postId: String(post?.id), successorId: successor!.id, date, predecessorId } });
      notify('app.succession.done', { type: 'success' });
      setOpen(false);
      refresh();
    } catch (e) {
      setError({ message: errorText(e as Failure) });
    }
  };

  if (!post) return null;
  return (
    <>
      <Button label="app.succession.button" onClick={() => setOpen(true)} data-testid="succession-button">
        <SwapIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.succession.title', { post: post.title })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ mt: 1 }}>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Autocomplete
                sx={{ flexGrow: 1 }}
                options={people}
                getOptionLabel={(o) => o.name}
                value={successor}
                onChange={(_e, v) => setSuccessor(v)}
                onInputChange={(_e, v) => setSearch(v)}
                isOptionEqualToValue={(a, b) => a.id === b.id}
                renderInput={(params) => (
                  <MuiTextField
                    {...params}
                    label={translate('app.succession.successor')}
                    slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'successor-input' } }}
                  />
                )}
              />
              <NewPersonButton
                testId="new-successor"
                onCreated={(p) => {
                  setPeople((list) => [p, ...list.filter((o) => o.id !== p.id)]);
                  setSuccessor(p);
                }}
              />
            </Stack>
            <MuiTextField
              type="date"
              label={translate('app.succession.date')}
              value={date}
              onChange={(e) => setDate(e.target.value)}
              error={error?.field === 'date'}
              helperText={error?.field === 'date' ? error.message : translate('app.succession.date_help')}
              slotProps={{ inputLabel: { shrink: true }, htmlInput: { 'data-testid': 'succession-date' } }}
            />
            {error?.field === 'predecessorId' && <PredecessorPicker postId={String(post.id)} date={date} value={predecessorId} onChange={setPredecessorId} message={error.message} />}
            {error && error.field !== 'date' && error.field !== 'predecessorId' && <Alert severity="error">{error.message}</Alert>}
            {preview && (
              <div data-testid="succession-preview">
                <Typography variant="body2">{translate('app.succession.summary', { from: preview.predecessor?.name ?? '—', to: preview.successor.name, date })}</Typography>
                <MuiList dense>
                  {preview.closedSeats.map((s) => (
                    <ListItem key={s.id}>
                      {s.group.name} · {translate(`enums.GroupRole.${s.role}`)} · {translate('resources.Membership.fields.sortOrder')} {s.sortOrder}
                    </ListItem>
                  ))}
                </MuiList>
                {preview.closedSeats.length === 0 && <Typography variant="body2">{translate('app.succession.no_seats')}</Typography>}
              </div>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="app.succession.confirm" variant="contained" disabled={!preview} onClick={confirm} data-testid="succession-confirm" />
        </DialogActions>
      </Dialog>
    </>
  );
};

/** When several people hold the post on that date, whose seats pass. */
const PredecessorPicker = (props: { postId: string; date: string; value: string | null; onChange: (id: string | null) => void; message: string }) => {
  const translate = useTranslate();
  const [holders, setHolders] = useState<Option[]>([]);
  useEffect(() => {
    request(PostHoldersDocument, { id: props.postId, asOf: props.date }).then(
      (d) => setHolders(d.Post?.holdings.map((h) => h.person) ?? []),
      () => undefined,
    );
  }, [props.postId, props.date]);
  return (
    <Autocomplete
      options={holders}
      getOptionLabel={(o) => o.name}
      value={holders.find((h) => h.id === props.value) ?? null}
      onChange={(_e, v) => props.onChange(v?.id ?? null)}
      renderInput={(params) => <MuiTextField {...params} label={translate('app.succession.predecessor')} helperText={props.message} />}
    />
  );
};
