import { Alert, Box, Chip, Stack, Typography, useMediaQuery, type Theme } from '@mui/material';
import type { ReactNode } from 'react';
import {
  CreateButton,
  Datagrid,
  EditButton,
  FilterButton,
  FunctionField,
  List,
  NullableBooleanInput,
  NumberField,
  ReferenceManyField,
  Show,
  SimpleList,
  TextField,
  TextInput,
  TopToolbar,
  useRecordContext,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';
import { Link } from 'react-router-dom';
import { ExportButtons, useCanRecordFacts } from '../common/actions';
import { today } from '../common/dates';
import { EnumField, EnumInput, DayField } from '../common/fields';
import { RefInput } from '../common/forms';
import { History } from '../common/History';
import { FactGrid } from '../common/workflow';
import { CommitteeImportButton, CommitteeTemplateButton } from './CommitteeImport';

/*
 * 业主委员会 list and page: by community and compound, with the two standings the documents ask offices
 * to watch — a party-member share under half (001 四(二)1; 000 附件 二(二)) and a term that has ended
 * (re-election due) — and the sheet import (业委会名册). The page shows members, surveys (001 四(二)4)
 * and report meetings (四(二)3).
 */

const compoundName = (r: RaRecord) => (r.compound ? `${r.compound.community?.name ?? ''} ${r.compound.name}` : '—');
const share = (r: RaRecord) => (r.partyShare === null || r.partyShare === undefined ? '—' : `${r.partyShare}%`);
const createLink = (resource: string, values: Record<string, unknown>) => `/${resource}/create?source=${encodeURIComponent(JSON.stringify(values))}`;

const filters = [
  <RefInput key="communityId" source="communityId" reference="Jurisdiction" filter={{ level: 'COMMUNITY' }} alwaysOn />,
  <RefInput key="compoundId" source="compoundId" reference="Compound" />,
  <EnumInput key="kind" source="kind" enumName="CommitteeKind" />,
  <NullableBooleanInput key="belowPartyShare" source="belowPartyShare" />,
  <TextInput key="reElectionDueOn" source="reElectionDueOn" type="date" defaultValue={today()} />,
  <TextInput key="servingOn" source="servingOn" type="date" defaultValue={today()} />,
];

/** The standings a row shows: under half party members, term ended. */
const Standing = ({ record }: { record: RaRecord }) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
      {record.belowPartyShare && <Chip size="small" color="warning" label={translate('app.committees.flag_below')} />}
      {record.reElectionDue && <Chip size="small" color="error" label={translate('app.committees.flag_reelection')} />}
      {record.dissolvedOn && <Chip size="small" label={translate('app.committees.flag_dissolved')} />}
    </Stack>
  );
};

const ListToolbar = () => {
  const facts = useCanRecordFacts();
  const refresh = useRefresh();
  return (
    <TopToolbar>
      <FilterButton />
      {facts && <CreateButton />}
      {facts && <CommitteeImportButton onDone={refresh} />}
      <CommitteeTemplateButton />
      <ExportButtons />
    </TopToolbar>
  );
};

/** 业主委员会: every committee the viewer may see; on a phone one line each with its standing. */
export const OwnersCommitteeList = () => {
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const translate = useTranslate();
  return (
    <List filters={filters} actions={<ListToolbar />} sort={{ field: 'formedOn', order: 'DESC' }}>
      {small ? (
        <SimpleList
          primaryText={compoundName}
          secondaryText={(r: RaRecord) => `${translate(`enums.CommitteeKind.${r.kind}`)} · ${r.formedOn} · ${translate('app.committees.party_share')} ${share(r)}`}
          tertiaryText={(r: RaRecord) => <Standing record={r} />}
          linkType="show"
        />
      ) : (
        <Datagrid rowClick="show" bulkActionButtons={false}>
          <FunctionField label="resources.OwnersCommittee.fields.compoundId" render={compoundName} />
          <EnumField source="kind" enumName="CommitteeKind" />
          <DayField source="formedOn" />
          <DayField source="termEndsOn" emptyText="—" />
          <DayField source="filedOn" emptyText="—" />
          <NumberField source="memberCount" emptyText="—" />
          <FunctionField source="partyShare" render={share} />
          <FunctionField label="app.committees.standing" render={(r: RaRecord) => <Standing record={r} />} />
        </Datagrid>
      )}
    </List>
  );
};

const Facts = () => {
  const r = useRecordContext();
  const translate = useTranslate();
  if (!r) return null;
  return (
    <Box>
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h6">{compoundName(r)}</Typography>
        <Chip size="small" label={translate(`enums.CommitteeKind.${r.kind}`)} />
        <Standing record={r} />
      </Stack>
      <FactGrid
        facts={[
          ['resources.OwnersCommittee.fields.compoundId', r.compound && <Link to={`/Compound/${r.compoundId}/show`}>{r.compound.name}</Link>],
          ['resources.OwnersCommittee.fields.formedOn', r.formedOn],
          ['resources.OwnersCommittee.fields.termEndsOn', r.termEndsOn],
          ['resources.OwnersCommittee.fields.filedOn', r.filedOn],
          ['resources.OwnersCommittee.fields.dissolvedOn', r.dissolvedOn],
          ['resources.OwnersCommittee.fields.memberCount', r.memberCount],
          ['resources.OwnersCommittee.fields.partyMemberCount', r.partyMemberCount],
          ['resources.OwnersCommittee.fields.partyShare', share(r)],
        ]}
      />
      {r.belowPartyShare && <Alert severity="warning">{translate('app.committees.below_share', { share: r.partyShare ?? 0 })}</Alert>}
      {r.reElectionDue && <Alert severity="error">{translate('app.committees.reelection_due', { date: r.termEndsOn ?? '' })}</Alert>}
    </Box>
  );
};

/** A part of the page: a heading, an "add" link for those who record facts, and its table. */
const Part = ({ title, add, children }: { title: string; add?: string; children: ReactNode }) => {
  const translate = useTranslate();
  const facts = useCanRecordFacts();
  return (
    <Box sx={{ mt: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="subtitle1">{translate(title)}</Typography>
        {facts && add && (
          <Link to={add} data-testid={`add-${title.split('.').pop()}`}>
            {translate('ra.action.add')}
          </Link>
        )}
      </Stack>
      {children}
    </Box>
  );
};

const Members = () => {
  const r = useRecordContext();
  const translate = useTranslate();
  const small = useMediaQuery((theme: Theme) => theme.breakpoints.down('sm'));
  const facts = useCanRecordFacts();
  if (!r) return null;
  return (
    <Part title="app.committees.members" add={createLink('CommitteeMember', { committeeId: r.id, role: 'MEMBER' })}>
      <ReferenceManyField reference="CommitteeMember" target="committeeId" sort={{ field: 'role', order: 'ASC' }} perPage={100}>
        {small ? (
          <SimpleList
            primaryText={(m: RaRecord) => `${m.name} · ${translate(`enums.CommitteeRole.${m.role}`)}`}
            secondaryText={(m: RaRecord) => `${translate(`enums.PoliticalStatus.${m.politicalStatus}`)} · ${m.building ?? '—'}`}
            tertiaryText={(m: RaRecord) => (m.removedOn ? translate('app.committees.left', { date: m.removedOn }) : m.suspendedOn ? translate('app.committees.suspended') : '')}
            linkType={facts ? 'edit' : false}
          />
        ) : (
          <Datagrid bulkActionButtons={false} rowClick={facts ? 'edit' : false}>
            <TextField source="name" />
            <EnumField source="role" enumName="CommitteeRole" />
            <EnumField source="politicalStatus" enumName="PoliticalStatus" />
            <TextField source="building" emptyText="—" />
            <TextField source="phone" emptyText="—" />
            <FunctionField source="contactPublic" render={(m: RaRecord) => translate(m.contactPublic ? 'app.committees.yes' : 'app.committees.no')} />
            <FunctionField
              label="app.committees.standing"
              render={(m: RaRecord) =>
                m.removedOn ? translate('app.committees.left', { date: m.removedOn }) : m.suspendedOn ? <Chip size="small" color="error" label={translate('app.committees.suspended')} /> : ''
              }
            />
          </Datagrid>
        )}
      </ReferenceManyField>
    </Part>
  );
};

const Surveys = () => {
  const r = useRecordContext();
  const translate = useTranslate();
  const facts = useCanRecordFacts();
  if (!r) return null;
  return (
    <Part title="app.committees.surveys" add={createLink('CommitteeSurvey', { committeeId: r.id })}>
      <ReferenceManyField reference="CommitteeSurvey" target="committeeId" sort={{ field: 'year', order: 'DESC' }}>
        <Datagrid bulkActionButtons={false} rowClick={facts ? 'edit' : false}>
          <FunctionField
            label="app.committees.half_year"
            render={(s: RaRecord) => translate('app.committees.half_label', { year: s.year, half: s.half, halfName: translate(`app.committees.half_names.${s.half}`) })}
          />
          <DayField source="surveyedOn" />
          <FunctionField source="satisfactionRate" render={(s: RaRecord) => `${s.satisfactionRate}%`} />
          <TextField source="respondents" emptyText="—" />
          <FunctionField
            label="app.committees.vote"
            render={(s: RaRecord) =>
              s.earlyElectionVoteDue ? (
                <Chip size="small" color="warning" label={translate('app.committees.vote_due')} />
              ) : s.voteResult ? (
                `${s.voteHeldOn} ${translate(`enums.EarlyElectionVote.${s.voteResult}`)}`
              ) : (
                '—'
              )
            }
          />
        </Datagrid>
      </ReferenceManyField>
    </Part>
  );
};

const Meetings = () => {
  const r = useRecordContext();
  const translate = useTranslate();
  const facts = useCanRecordFacts();
  if (!r) return null;
  return (
    <Part title="app.committees.meetings" add={createLink('CommitteeReportMeeting', { committeeId: r.id, year: Number(today().slice(0, 4)) - 1 })}>
      <ReferenceManyField reference="CommitteeReportMeeting" target="committeeId" sort={{ field: 'year', order: 'DESC' }}>
        <Datagrid bulkActionButtons={false} rowClick={facts ? 'edit' : false}>
          <TextField source="year" />
          <DayField source="heldOn" />
          <DayField source="invitationPostedOn" emptyText="—" />
          <FunctionField
            label="app.committees.notice"
            render={(m: RaRecord) => (m.noticeShort ? <Chip size="small" color="warning" label={translate('app.committees.notice_short', { days: m.noticeDays ?? '—' })} /> : `${m.noticeDays}`)}
          />
          <TextField source="issuesCount" />
          <DayField source="rectificationPostedOn" emptyText="—" />
        </Datagrid>
      </ReferenceManyField>
    </Part>
  );
};

const ShowToolbar = () => {
  const facts = useCanRecordFacts();
  return <TopToolbar>{facts && <EditButton />}</TopToolbar>;
};

/** 业委会: its term and standing, members (with the negative list), surveys, report meetings and history. */
export const OwnersCommitteeShow = () => (
  <Show actions={<ShowToolbar />}>
    <Box sx={{ p: 2 }}>
      <Facts />
      <Members />
      <Surveys />
      <Meetings />
      <History />
    </Box>
  </Show>
);
