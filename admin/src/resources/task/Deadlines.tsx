import { Box, Card, CardContent, TablePagination, ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Title, useLogoutIfAccessDenied, useNotify, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { getUser } from '../../authProvider';
import { request } from '../../dataProvider';
import { type Failure, useErrorText } from '../../dataProvider/errors';
import { DeadlineListDocument, type DeadlineListQuery } from '../../graphql/generated';
import { today } from '../common/dates';
import { DeadlineItems } from './TaskPanels';

type State = 'OVERDUE' | 'DUE_SOON';

/**
 * 已逾期 / 30 天内到期: the list behind the home page's figures, a page at a time (the API counts and
 * pages; at most 100 a page), of the whole office or one unit (?unitId=); a unit's staff see theirs,
 * with 签收 and 报告 on each line.
 */
export const DeadlinesPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const denied = useLogoutIfAccessDenied();
  const [params, setParams] = useSearchParams();
  const state: State = params.get('state') === 'DUE_SOON' ? 'DUE_SOON' : 'OVERDUE';
  const unitId = params.get('unitId');
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  const [data, setData] = useState<DeadlineListQuery['deadlinePage'] | null>(null);
  const unitStaff = getUser()?.role === 'UNIT_STAFF';
  const load = useCallback(() => {
    request(DeadlineListDocument, { asOf: today(), state, days: 30, unitId, page, perPage }).then(
      (d) => setData(d.deadlinePage),
      async (e: Failure) => {
        if (!(await denied(e))) notify(errorText(e), { type: 'error' });
      },
    );
  }, [state, unitId, page, perPage, notify, errorText, denied]);
  useEffect(load, [load]);
  const unitName = unitId ? data?.nodes[0]?.assignment.unit.name : null;
  return (
    <Card sx={{ mt: 2 }} data-testid="deadlines-page" data-state={state}>
      <Title title={state === 'OVERDUE' ? 'app.tasks.overdue' : 'app.tasks.due_soon'} />
      <CardContent>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, alignItems: 'center', mb: 1 }}>
          <ToggleButtonGroup
            size="small"
            exclusive
            value={state}
            onChange={(_, v: State | null) => {
              if (!v) return;
              setPage(0);
              setParams(unitId ? { state: v, unitId } : { state: v });
            }}
          >
            <ToggleButton value="OVERDUE">{translate('app.tasks.overdue')}</ToggleButton>
            <ToggleButton value="DUE_SOON">{translate('app.tasks.due_soon')}</ToggleButton>
          </ToggleButtonGroup>
          <Typography variant="body2" data-testid="deadlines-total">
            {unitName ? `${unitName} · ` : ''}
            {translate('app.tasks.count', { count: data?.totalCount ?? 0 })}
          </Typography>
        </Box>
        {data && <DeadlineItems entries={data.nodes} testid="deadline-list" actions={unitStaff} onDone={load} />}
        {data && data.totalCount > 0 && (
          <TablePagination
            component="div"
            count={data.totalCount}
            page={page}
            rowsPerPage={perPage}
            rowsPerPageOptions={[10, 25, 50, 100]}
            onPageChange={(_, p) => setPage(p)}
            onRowsPerPageChange={(e) => {
              setPerPage(Number(e.target.value));
              setPage(0);
            }}
            labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
            labelDisplayedRows={({ from, to, count }) => translate('ra.navigation.page_range_info', { offsetBegin: from, offsetEnd: to, total: count })}
            getItemAriaLabel={(type) => translate(`ra.navigation.${type}`)}
          />
        )}
      </CardContent>
    </Card>
  );
};
