import NotificationsIcon from '@mui/icons-material/Notifications';
import { Badge, Box, Button, Divider, IconButton, List, ListItemButton, Popover, Typography } from '@mui/material';
import { type MouseEvent, useCallback, useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useLocation, useNavigate } from 'react-router-dom';
import { getUser } from '../../authProvider';
import { request } from '../../dataProvider';
import { LatestNotificationsDocument, MarkAllNotificationsReadDocument, type NotificationLineFragment, UnreadNotificationCountDocument } from '../../graphql/generated';
import { announceChange, CHANGED, NotificationText, useOpenNotification } from './line';

/** How often the bell asks for its count (besides on navigation, on focus and after a change here). */
const POLL_MS = 60_000;
const LATEST = 8;

/**
 * 消息 in the app bar: the number of unread notifications (one indexed count, asked every minute while
 * the page is visible and on every navigation), and a click opens the latest: a click on one marks it
 * read and opens its record; "mark all read"; "see all" leads to /notifications.
 */
export const NotificationBell = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const openOne = useOpenNotification();
  const [count, setCount] = useState<number | null>(null);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [latest, setLatest] = useState<NotificationLineFragment[] | null>(null);
  const blocked = !!getUser()?.mustChangePassword;

  const recount = useCallback(() => {
    if (blocked || document.visibilityState === 'hidden') return;
    request(UnreadNotificationCountDocument).then(
      (d) => setCount(d.myUnreadNotificationCount),
      () => undefined,
    );
  }, [blocked]);
  useEffect(recount, [recount, pathname]);
  useEffect(() => {
    const timer = window.setInterval(recount, POLL_MS);
    window.addEventListener(CHANGED, recount);
    document.addEventListener('visibilitychange', recount);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener(CHANGED, recount);
      document.removeEventListener('visibilitychange', recount);
    };
  }, [recount]);

  const loadLatest = () =>
    request(LatestNotificationsDocument, { perPage: LATEST }).then(
      (d) => {
        setLatest(d.myNotifications);
        setCount(d.myUnreadNotificationCount);
      },
      () => setLatest([]),
    );
  const open = (e: MouseEvent<HTMLElement>) => {
    setAnchor(e.currentTarget);
    setLatest(null);
    void loadLatest();
  };
  const close = () => setAnchor(null);
  const markAll = async () => {
    await request(MarkAllNotificationsReadDocument).catch(() => undefined);
    announceChange();
    await loadLatest();
  };

  if (blocked) return null;
  const label = translate('app.notifications.bell', { count: count ?? 0 });
  return (
    <>
      <IconButton color="inherit" onClick={open} aria-label={label} title={label} data-testid="notification-bell" data-count={count ?? ''}>
        <Badge badgeContent={count ?? 0} max={99} color="error" data-testid="notification-count">
          <NotificationsIcon />
        </Badge>
      </IconButton>
      <Popover open={!!anchor} anchorEl={anchor} onClose={close} anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }} transformOrigin={{ vertical: 'top', horizontal: 'right' }}>
        <Box sx={{ width: 380, maxWidth: 'calc(100vw - 16px)' }} data-testid="notification-popover">
          <Box sx={{ display: 'flex', alignItems: 'center', px: 2, py: 1, gap: 1 }}>
            <Typography variant="subtitle1" sx={{ flex: 1 }}>
              {translate('app.notifications.title')}
            </Typography>
            <Button size="small" onClick={markAll} disabled={!count} data-testid="notification-mark-all">
              {translate('app.notifications.mark_all')}
            </Button>
          </Box>
          <Divider />
          {latest === null ? (
            <Typography sx={{ p: 2 }} color="text.secondary">
              {translate('ra.page.loading')}
            </Typography>
          ) : latest.length === 0 ? (
            <Typography sx={{ p: 2 }} color="text.secondary" data-testid="notification-empty">
              {translate('app.notifications.empty')}
            </Typography>
          ) : (
            <List dense disablePadding sx={{ maxHeight: '60vh', overflowY: 'auto' }}>
              {latest.map((n) => (
                <ListItemButton
                  key={n.id}
                  divider
                  onClick={() => {
                    close();
                    void openOne(n);
                  }}
                  sx={{ alignItems: 'flex-start', bgcolor: n.read ? undefined : 'action.hover' }}
                  data-testid="notification-item"
                  data-read={n.read}
                >
                  <NotificationText n={n} />
                </ListItemButton>
              ))}
            </List>
          )}
          <Box sx={{ p: 1, textAlign: 'center' }}>
            <Button
              size="small"
              onClick={() => {
                close();
                navigate('/notifications');
              }}
              data-testid="notification-all"
            >
              {translate('app.notifications.see_all')}
            </Button>
          </Box>
        </Box>
      </Popover>
    </>
  );
};
