import { Box, Button, Card, FormControlLabel, List, ListItemButton, Pagination, Switch, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { request } from '../../dataProvider';
import { MarkAllNotificationsReadDocument, type NotificationPageQuery, NotificationPageDocument } from '../../graphql/generated';
import { announceChange, CHANGED, NotificationText, useOpenNotification } from './line';

const PER_PAGE = 20;

/** 消息提醒: every notification of the signed-in user, newest first, twenty a page; unread ones only at a switch. */
export const NotificationsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const openOne = useOpenNotification();
  const [page, setPage] = useState(0);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [data, setData] = useState<NotificationPageQuery | null>(null);

  const load = useCallback(() => {
    request(NotificationPageDocument, { page, perPage: PER_PAGE, unreadOnly }).then(setData, (e: Error) => notify(e.message, { type: 'error' }));
  }, [page, unreadOnly, notify]);
  useEffect(load, [load]);
  useEffect(() => {
    window.addEventListener(CHANGED, load);
    return () => window.removeEventListener(CHANGED, load);
  }, [load]);

  const pages = data ? Math.max(1, Math.ceil(data.myNotificationCount / PER_PAGE)) : 1;
  const markAll = async () => {
    await request(MarkAllNotificationsReadDocument).catch((e: Error) => notify(e.message, { type: 'error' }));
    announceChange();
  };
  return (
    <Box sx={{ mt: 2, maxWidth: 900 }} data-testid="notifications-page">
      <Title title="app.notifications.title" />
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, mb: 1 }}>
        <Typography variant="h5" sx={{ flex: 1, minWidth: 160 }}>
          {translate('app.notifications.title')}
          {data ? translate('app.notifications.unread_count', { count: data.myUnreadNotificationCount }) : ''}
        </Typography>
        <FormControlLabel
          control={
            <Switch
              checked={unreadOnly}
              onChange={(e) => {
                setPage(0);
                setUnreadOnly(e.target.checked);
              }}
              data-testid="notifications-unread-only"
            />
          }
          label={translate('app.notifications.unread_only')}
        />
        <Button variant="outlined" size="small" onClick={markAll} disabled={!data?.myUnreadNotificationCount} data-testid="notifications-mark-all">
          {translate('app.notifications.mark_all')}
        </Button>
      </Box>
      <Card>
        {data && data.myNotifications.length === 0 ? (
          <Typography sx={{ p: 2 }} color="text.secondary" data-testid="notifications-empty">
            {translate('app.notifications.empty')}
          </Typography>
        ) : (
          <List disablePadding>
            {(data?.myNotifications ?? []).map((n) => (
              <ListItemButton
                key={n.id}
                divider
                onClick={() => void openOne(n)}
                sx={{ alignItems: 'flex-start', bgcolor: n.read ? undefined : 'action.hover' }}
                data-testid="notifications-item"
                data-read={n.read}
              >
                <NotificationText n={n} />
              </ListItemButton>
            ))}
          </List>
        )}
      </Card>
      {pages > 1 && <Pagination sx={{ mt: 2 }} count={pages} page={page + 1} onChange={(_, p) => setPage(p - 1)} siblingCount={0} data-testid="notifications-pages" />}
    </Box>
  );
};
