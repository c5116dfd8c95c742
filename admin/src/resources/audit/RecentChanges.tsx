import { Box, Card, CardContent, Grid, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { useLocaleState, useLogoutIfAccessDenied, useResourceDefinitions, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import { request } from '../../dataProvider';
import { RecentChangesDocument, type RecentChangesQuery } from '../../graphql/generated';
import { today } from '../common/dates';
import { Figure } from '../common/Figure';
import { HistoryReader } from '../common/history';

const PAGE = 20;
const auditList = (filter?: object) => `/AuditEvent${filter ? `?filter=${encodeURIComponent(JSON.stringify(filter))}` : ''}`;

/**
 * 最近修改 (the auditor's home): how many changes today (a link to the audit trail filtered to today)
 * and the latest changes as sentences (common/history.ts), each a link to the record it changed.
 */
export const RecentChanges = () => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const resources = useResourceDefinitions();
  const [data, setData] = useState<RecentChangesQuery | null>(null);
  // a session the server no longer accepts signs out, as react-admin's own reads do
  const denied = useLogoutIfAccessDenied();
  useEffect(() => {
    request(RecentChangesDocument, { today: today(), perPage: PAGE }).then(setData, denied);
  }, [denied]);
  const day = today();
  return (
    <Box data-testid="recent-changes">
      <Grid container spacing={2} sx={{ mt: 0 }}>
        <Grid size={{ xs: 6, md: 3 }}>
          <Figure label={translate('app.recent.today')} value={data?.today.count ?? null} to={auditList({ from: day })} testid="figure-changes-today" tone="primary" />
        </Grid>
      </Grid>
      <Card sx={{ mt: 2 }}>
        <CardContent>
          <Typography variant="h6" gutterBottom>
            <Link to={auditList()} style={{ color: 'inherit' }}>
              {translate('app.recent.title')}
            </Link>
          </Typography>
          <Stack spacing={0.75}>
            {(data?.allAuditEvents ?? []).map((e) => {
              const described = new HistoryReader(e, translate, locale).describe();
              const r = resources[e.entityType];
              // the record's page where the console has one, else its audit trail
              const to = r?.hasShow ? `/${e.entityType}/${e.entityId}/show` : r?.hasEdit ? `/${e.entityType}/${e.entityId}` : auditList({ entityType: e.entityType, entityId: e.entityId });
              return (
                <Typography key={e.id} variant="body2" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 1.5, overflowWrap: 'anywhere' }} data-testid="recent-change">
                  <Box component="span" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
                    {described.at}
                  </Box>
                  <Link to={to}>{described.sentence}</Link>
                </Typography>
              );
            })}
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};
