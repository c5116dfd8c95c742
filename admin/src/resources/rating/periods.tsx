import { Box, Chip, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useCallback, useEffect, useState } from 'react';
import { Datagrid, DateInput, EditButton, List, ReferenceField, Show, SimpleForm, TextField, TextInput, TopToolbar, required, useGetOne, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { Link } from 'react-router-dom';
import { request } from '../../dataProvider';
import { useErrorText, type Failure } from '../../dataProvider/errors';
import { RatingEditionsDocument } from '../../graphql/generated';
import { calendarPeriodOf, type PeriodKindName } from '../../../../api/src/modules/rating/rating-periods';
import { ListActions, useCanEdit } from '../common/actions';
import { EnumField, notBefore, DayField } from '../common/fields';
import { formViews, RefInput } from '../common/forms';
import { History } from '../common/History';
import { EditionsPanel, PublicationPreviewPanel, type Edition } from './Publication';
import { ScoreGrid } from './ScoreGrid';

/** 考核周期: one quarter (or half-year) of a scheme. */
const EDITIONS_SHOWN = 20;

export const RatingPeriodList = () => (
  <List
    filters={[<TextInput key="q" source="q" alwaysOn />, <RefInput key="s" source="schemeId" reference="RatingScheme" alwaysOn />]}
    actions={<ListActions filters={false} />}
    sort={{ field: 'startDate', order: 'DESC' }}
  >
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="code" />
      <ReferenceField source="schemeId" reference="RatingScheme" link="show" />
      <EnumField source="scheme.periodKind" enumName="RatingPeriodKind" label="resources.RatingScheme.fields.periodKind" sortable={false} />
      <DayField source="startDate" />
      <DayField source="endDate" />
    </Datagrid>
  </List>
);

type TabName = 'grid' | 'preview' | 'editions' | 'history';

/**
 * A period's page is where the office works: 评分录入 (the grid), 公布预览 (with 公布 / 发布更正),
 * 已公布版次 (the frozen editions, newest first) and the record's history.
 */
const PeriodPage = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const errorText = useErrorText();
  const [tab, setTab] = useState<TabName>('grid');
  const [editions, setEditions] = useState<Edition[] | null>(null);
  const periodId = record?.id ? String(record.id) : '';

  // The newest editions with every entry: each may list a city's thousand companies, so the page is
  // kept within the API's query cost (20 editions × 1,000 entries); corrections beyond that are rare.
  const loadEditions = useCallback(async () => {
    if (!periodId) return;
    const d = await request(RatingEditionsDocument, { periodId, perPage: EDITIONS_SHOWN });
    setEditions(d.allRatingPublications);
  }, [periodId]);
  useEffect(() => {
    loadEditions().catch((e) => notify(errorText(e as Failure), { type: 'error' }));
  }, [loadEditions, notify, errorText]); // once per period (notify and errorText are stable)

  if (!record) return null;
  const latest = editions?.[0];
  return (
    <Box sx={{ p: 2 }} data-testid="period-page" data-period-id={record.id}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h5" data-testid="period-code">
          {record.code}
        </Typography>
        <Typography variant="body1">
          <Link to={`/RatingScheme/${record.schemeId}/show`}>{record.scheme?.name}</Link>
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {record.startDate} – {record.endDate}
        </Typography>
        {editions && (
          <Chip
            size="small"
            color={latest ? 'success' : 'default'}
            variant={latest ? 'filled' : 'outlined'}
            data-testid="period-published"
            label={latest ? translate('app.ratings.editions.published_as', { revision: latest.revision, date: latest.publishedOn }) : translate('app.ratings.editions.unpublished')}
          />
        )}
      </Stack>
      <Tabs value={tab} onChange={(_, v: TabName) => setTab(v)} sx={{ mb: 2, borderBottom: 1, borderColor: 'divider' }}>
        <Tab value="grid" label={translate('app.ratings.tabs.grid')} data-testid="tab-grid" />
        <Tab value="preview" label={translate('app.ratings.tabs.preview')} data-testid="tab-preview" />
        <Tab value="editions" label={translate('app.ratings.tabs.editions', { count: editions?.length ?? 0 })} data-testid="tab-editions" />
        <Tab value="history" label={translate('app.history.title')} data-testid="tab-history" />
      </Tabs>
      {tab === 'grid' && <ScoreGrid periodId={periodId} periodCode={record.code} schemeId={String(record.schemeId)} />}
      {tab === 'preview' && (
        <PublicationPreviewPanel
          periodId={periodId}
          periodCode={record.code}
          onPublished={() => {
            void loadEditions();
            setTab('editions');
          }}
        />
      )}
      {tab === 'editions' && editions && <EditionsPanel editions={editions} />}
      {tab === 'history' && <History />}
    </Box>
  );
};

const PeriodShowActions = () => {
  const edit = useCanEdit();
  return <TopToolbar>{edit && <EditButton />}</TopToolbar>;
};

export const RatingPeriodShow = () => (
  <Show actions={<PeriodShowActions />}>
    <PeriodPage />
  </Show>
);

/**
 * A period is one whole calendar quarter or half of its scheme's kind, coded by it (the API's rule,
 * rating-periods.ts): typing its first day fills its last day and its code, unless those were typed by hand.
 */
const FillFromStart = () => {
  const { setValue, getFieldState } = useFormContext();
  const [schemeId, startDate] = useWatch({ name: ['schemeId', 'startDate'] }) as [string | undefined, string | undefined];
  const { data: scheme } = useGetOne('RatingScheme', { id: schemeId }, { enabled: !!schemeId });
  const kind = scheme?.periodKind as PeriodKindName | undefined;
  useEffect(() => {
    if (!kind || !startDate || !getFieldState('startDate').isDirty) return;
    const period = calendarPeriodOf(kind, startDate);
    if (period?.startDate !== startDate) return;
    if (!getFieldState('endDate').isDirty) setValue('endDate', period.endDate, { shouldValidate: true });
    if (!getFieldState('code').isDirty) setValue('code', period.code, { shouldValidate: true });
  }, [kind, startDate, getFieldState, setValue]);
  return null;
};

const PeriodCreateForm = () => (
  <SimpleForm>
    <RefInput source="schemeId" reference="RatingScheme" validate={required()} />
    <TextInput source="code" validate={required()} helperText="app.ratings.code_help" />
    <DateInput source="startDate" validate={required()} />
    <DateInput source="endDate" validate={[required(), notBefore('startDate')]} />
    <FillFromStart />
  </SimpleForm>
);
/** The scheme of a period is fixed once created: its ratings are scored on that scheme's criteria. */
const PeriodEditForm = () => (
  <SimpleForm>
    <ReferenceField source="schemeId" reference="RatingScheme" link={false} />
    <TextInput source="code" validate={required()} helperText="app.ratings.code_help" />
    <DateInput source="startDate" validate={required()} />
    <DateInput source="endDate" validate={[required(), notBefore('startDate')]} />
    <FillFromStart />
  </SimpleForm>
);
export const { CreateView: RatingPeriodCreate } = formViews(PeriodCreateForm);
export const { EditView: RatingPeriodEdit } = formViews(PeriodEditForm);
