import { Box, Typography } from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';
import { request } from '../../dataProvider';
import { MarkNotificationsReadDocument, type NotificationLineFragment } from '../../graphql/generated';
import { formatAt } from '../common/dates';

/** Said after the notifications of the signed-in user changed here (read, all read): the bell counts again. */
export const CHANGED = 'wydj:notifications-changed';
export const announceChange = () => window.dispatchEvent(new Event(CHANGED));

/**
 * A notification's line in the reader's language: the sending module's text for its kind
 * (`notifications.kinds.<KIND>`, with its parameters), else the Chinese line the API stored.
 */
export function useNotificationLine(): (n: NotificationLineFragment) => string {
  const translate = useTranslate();
  return (n) => translate(`notifications.kinds.${n.kind}`, { ...((n.params as Record<string, string> | null) ?? {}), _: n.title });
}

/** Opening a notification: marked read, then its record (a console hash route, `#/Payout/12/show`). */
export function useOpenNotification(): (n: NotificationLineFragment) => Promise<void> {
  const navigate = useNavigate();
  return async (n) => {
    if (!n.read) {
      await request(MarkNotificationsReadDocument, { ids: [n.id] }).catch(() => undefined);
      announceChange();
    }
    if (n.link?.startsWith('#/')) navigate(n.link.slice(1));
  };
}

/** One notification: its line (bold while unread), who and when, the sender's note. */
export const NotificationText = ({ n }: { n: NotificationLineFragment }) => {
  const line = useNotificationLine();
  const [locale] = useLocaleState();
  return (
    <Box sx={{ minWidth: 0 }}>
      <Typography variant="body2" sx={{ fontWeight: n.read ? 400 : 600, overflowWrap: 'anywhere' }} data-testid="notification-line">
        {line(n)}
      </Typography>
      {n.body && (
        <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
          {n.body}
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary">
        {[n.actorName, formatAt(n.createdAt, locale)].filter(Boolean).join(' · ')}
      </Typography>
    </Box>
  );
};
