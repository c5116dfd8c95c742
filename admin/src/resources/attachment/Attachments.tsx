import AddAPhotoIcon from '@mui/icons-material/AddAPhoto';
import DeleteIcon from '@mui/icons-material/Delete';
import DescriptionIcon from '@mui/icons-material/Description';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { Box, Button, Dialog, IconButton, LinearProgress, Stack, Tooltip, Typography } from '@mui/material';
import { type ChangeEvent, useCallback, useEffect, useState } from 'react';
import { Confirm, useNotify, usePermissions, useTranslate } from 'react-admin';
import { canRecordFacts, getUser } from '../../authProvider';
import { request } from '../../dataProvider';
import { type Failure, useErrorText } from '../../dataProvider/errors';
import { type AttachmentRowFragment, type AttachmentTarget, AttachmentsDocument, DeleteAttachmentDocument } from '../../graphql/generated';
import { ACCEPT, fetchFile, saveFile, uploadFile } from './files';

type Row = AttachmentRowFragment;

const sizeText = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

/** A photo's bytes as an object URL (the file needs the session's token, so no plain <img src>), freed when unmounted. */
function useFileUrl(row: Row): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (row.kind !== 'IMAGE') return;
    let made: string | null = null;
    let live = true;
    fetchFile(row.url).then(
      (blob) => {
        made = URL.createObjectURL(blob);
        if (live) setUrl(made);
        else URL.revokeObjectURL(made);
      },
      () => undefined,
    );
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [row.url, row.kind]);
  return url;
}

/** One file: a photo's thumbnail (the image itself, scaled here: the API makes no thumbnails), or an icon and the name. */
const Tile = ({ row, onOpen, onDelete }: { row: Row; onOpen: (row: Row, url: string | null) => void; onDelete?: () => void }) => {
  const url = useFileUrl(row);
  const translate = useTranslate();
  return (
    <Box data-testid="attachment" data-kind={row.kind} sx={{ width: 112, position: 'relative' }}>
      <Box
        component="button"
        type="button"
        onClick={() => onOpen(row, url)}
        title={row.fileName}
        sx={{
          width: 112,
          height: 112,
          p: 0,
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          bgcolor: 'action.hover',
          cursor: 'pointer',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          overflow: 'hidden',
        }}
      >
        {row.kind === 'IMAGE' ? (
          url && <img data-testid="attachment-thumb" src={url} alt={row.fileName} style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
        ) : row.kind === 'PDF' ? (
          <PictureAsPdfIcon color="error" fontSize="large" />
        ) : (
          <DescriptionIcon color="primary" fontSize="large" />
        )}
      </Box>
      <Typography variant="caption" component="div" noWrap title={row.fileName}>
        {row.fileName}
      </Typography>
      <Typography variant="caption" component="div" color="text.secondary" noWrap>
        {sizeText(row.size)} · {row.uploadedByName}
      </Typography>
      {onDelete && (
        <Tooltip title={translate('app.attachments.delete')}>
          <IconButton
            size="small"
            onClick={onDelete}
            data-testid="attachment-delete"
            aria-label={translate('app.attachments.delete')}
            sx={{ position: 'absolute', top: 2, right: 2, bgcolor: 'background.paper', '&:hover': { bgcolor: 'background.paper' } }}
          >
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Tooltip>
      )}
    </Box>
  );
};

/**
 * 附件 of one record: photos as thumbnails, scans and documents by name; the office and the staff who
 * record the facts add files (on a phone the picker offers the camera) and remove them (unit staff only
 * their own; the API decides and says why not). `target` is the record's type as the API names it.
 */
export const Attachments = ({ target, id }: { target: AttachmentTarget; id: string | number }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const { permissions } = usePermissions();
  const me = getUser();
  const mayAdd = canRecordFacts(permissions);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [busy, setBusy] = useState(0);
  const [viewing, setViewing] = useState<{ row: Row; url: string } | null>(null);
  const [removing, setRemoving] = useState<Row | null>(null);
  const fail = useCallback((e: unknown) => notify(errorText(e as Failure), { type: 'error' }), [notify, errorText]);

  const load = useCallback(() => request(AttachmentsDocument, { targetType: target, targetId: String(id) }).then((d) => setRows(d.allAttachments), fail), [target, id, fail]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = '';
    for (const file of files) {
      setBusy((n) => n + 1);
      try {
        await uploadFile(target, String(id), file);
      } catch (err) {
        fail(err);
      } finally {
        setBusy((n) => n - 1);
      }
    }
    if (files.length) await load();
  };

  const open = async (row: Row, url: string | null) => {
    try {
      if (row.kind === 'IMAGE' && url) return setViewing({ row, url });
      await saveFile(row.url, row.fileName);
    } catch (err) {
      fail(err);
    }
  };

  const remove = async () => {
    if (!removing) return;
    try {
      await request(DeleteAttachmentDocument, { id: removing.id });
      notify('app.attachments.deleted', { type: 'info' });
      await load();
    } catch (err) {
      fail(err);
    } finally {
      setRemoving(null);
    }
  };

  return (
    <Box data-testid="attachments" sx={{ my: 1 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 1 }}>
        <Typography variant="subtitle2">
          {translate('app.attachments.title')}
          {rows && rows.length > 0 ? `（${rows.length}）` : ''}
        </Typography>
        {mayAdd && (
          <Button size="small" component="label" startIcon={<AddAPhotoIcon />} disabled={busy > 0} data-testid="attachment-add">
            {translate('app.attachments.add')}
            <input hidden type="file" multiple accept={ACCEPT} onChange={add} data-testid="attachment-input" />
          </Button>
        )}
      </Stack>
      {busy > 0 && <LinearProgress sx={{ mb: 1 }} />}
      {rows && rows.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.attachments.none')}
        </Typography>
      )}
      <Stack direction="row" useFlexGap sx={{ flexWrap: 'wrap', gap: 1.5 }}>
        {rows?.map((row) => (
          <Tile key={row.id} row={row} onOpen={open} onDelete={mayAdd && (permissions !== 'UNIT_STAFF' || row.uploadedById === me?.id) ? () => setRemoving(row) : undefined} />
        ))}
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {translate('app.attachments.hint')}
      </Typography>
      <Dialog open={!!viewing} onClose={() => setViewing(null)} maxWidth="lg">
        {viewing && <img src={viewing.url} alt={viewing.row.fileName} style={{ maxWidth: '100%', maxHeight: '85vh', display: 'block' }} />}
      </Dialog>
      <Confirm
        isOpen={!!removing}
        title="app.attachments.delete"
        content={translate('app.attachments.delete_confirm', { name: removing?.fileName ?? '' })}
        onConfirm={remove}
        onClose={() => setRemoving(null)}
      />
    </Box>
  );
};
