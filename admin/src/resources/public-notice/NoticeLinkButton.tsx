import { Alert, Box, Button, Stack, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { request } from '../../dataProvider';
import { CreateNoticeLinkDocument, NoticeLinksOfDocument, type NoticeLinksOfQuery, RevokeNoticeLinkDocument, type NoticeKind } from '../../graphql/generated';
import { useCanRecordFacts } from '../common/actions';

/**
 * 公示链接: makes a link that opens the printable notice without signing in (the address is shown this
 * once: only its hash is kept), lists the links made and revokes them.
 */
export const NoticeLinkButton = ({ kind, targetId }: { kind: NoticeKind; targetId: string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const facts = useCanRecordFacts();
  const [made, setMade] = useState<string | null>(null);
  const [links, setLinks] = useState<NoticeLinksOfQuery['allNoticeLinks']>([]);
  const load = useCallback(() => {
    request(NoticeLinksOfDocument, { kind, targetId }).then(
      (d) => setLinks(d.allNoticeLinks),
      () => undefined,
    );
  }, [kind, targetId]);
  useEffect(load, [load]);
  if (!facts) return null;
  const make = () =>
    request(CreateNoticeLinkDocument, { kind, targetId }).then(
      (d) => {
        setMade(`${window.location.origin}${d.createNoticeLink.path}`);
        load();
      },
      (e: Error) => notify(e.message, { type: 'error' }),
    );
  const revoke = (id: string) => request(RevokeNoticeLinkDocument, { id }).then(load, (e: Error) => notify(e.message, { type: 'error' }));
  return (
    <Box data-testid="notice-links">
      <Button size="small" variant="outlined" onClick={make} data-testid="notice-make">
        {translate('app.notices.make')}
      </Button>
      {made && (
        <Alert severity="success" sx={{ mt: 1, wordBreak: 'break-all' }}>
          {translate('app.notices.made')}{' '}
          <a href={made} target="_blank" rel="noreferrer" data-testid="notice-url">
            {made}
          </a>{' '}
          ·{' '}
          <a href={`${made}.pdf`} target="_blank" rel="noreferrer">
            PDF
          </a>
        </Alert>
      )}
      {links.length > 0 && (
        <Stack sx={{ mt: 1 }} spacing={0.5}>
          {links.map((l) => (
            <Typography key={l.id} variant="body2" color={l.revokedOn ? 'text.secondary' : undefined}>
              {translate('app.notices.link_line', { at: l.createdAt.slice(0, 10), by: l.createdByName })}
              {l.revokedOn ? ` · ${translate('app.notices.revoked', { date: l.revokedOn })}` : ''}
              {!l.revokedOn && (
                <Button size="small" color="warning" onClick={() => revoke(l.id)}>
                  {translate('app.notices.revoke')}
                </Button>
              )}
            </Typography>
          ))}
        </Stack>
      )}
    </Box>
  );
};

/** The compound page's part: the committee board's public link. */
export const CompoundNotice = ({ compoundId }: { compoundId: string; asOf: string }) => <NoticeLinkButton kind="COMMITTEE_BOARD" targetId={compoundId} />;
