import PrintIcon from '@mui/icons-material/Print';
import { Alert, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useRef, useState } from 'react';
import { Button, useTranslate } from 'react-admin';
import { useErrorText, type Failure } from '../../dataProvider/errors';
import { fetchFile } from '../attachment/files';

/**
 * 打印: a printable page the API makes (/print/…: 审批单, 名册), fetched with the session's token
 * as the file routes are (attachment/files.ts), shown in a frame, and printed from there (or saved as
 * PDF by the browser's print dialog). A refusal (out of scope: NOT_FOUND) shows translated.
 */
export const PrintButton = ({ url, label, testId }: { url: string; label: string; testId: string }) => {
  const translate = useTranslate();
  const errorText = useErrorText();
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const frame = useRef<HTMLIFrameElement>(null);
  const start = () => {
    setOpen(true);
    setHtml(null);
    setError(null);
    fetchFile(url)
      .then((b) => b.text())
      .then(setHtml, (e: unknown) => setError(errorText(e as Failure)));
  };
  return (
    <>
      <Button label={label} onClick={start} data-testid={testId}>
        <PrintIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="md">
        <DialogTitle>{translate(label)}</DialogTitle>
        <DialogContent>
          {error && <Alert severity="error">{error}</Alert>}
          {html !== null && (
            <iframe
              ref={frame}
              title={translate(label)}
              srcDoc={html}
              sandbox="allow-same-origin allow-modals"
              data-testid={`${testId}-page`}
              style={{ width: '100%', height: '70vh', border: '1px solid #ddd', background: '#fff' }}
            />
          )}
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.close" onClick={() => setOpen(false)} />
          <Button label="app.print.print" variant="contained" disabled={html === null} onClick={() => frame.current?.contentWindow?.print()} data-testid={`${testId}-print`}>
            <PrintIcon />
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
