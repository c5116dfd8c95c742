import { Alert, Box, Button, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { BooleanInput, Create, Edit, required, SimpleForm, TextInput, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { Link, useLocation } from 'react-router-dom';
import { request } from '../../dataProvider';
import { CompoundCommitteeDocument, type CompoundCommitteeQuery } from '../../graphql/generated';
import { useCanRecordFacts } from '../common/actions';
import { today } from '../common/dates';
import { EnumInput } from '../common/fields';
import { RefInput } from '../common/forms';

/** After saving a committee's record, back to its compound's page (the community works from there). */
const toCompound = (_r?: string, _id?: unknown, data?: Partial<RaRecord>) => (data?.compoundId ? `Compound/${data.compoundId}/show` : 'OwnersCommittee');

export { OwnersCommitteeList, OwnersCommitteeShow } from './committeePages';
export { CommitteeReportMeetingCreate, CommitteeReportMeetingEdit, CommitteeSurveyCreate, CommitteeSurveyEdit } from './records';

const CommitteeForm = () => {
  const creating = !useRecordContext();
  return (
    <SimpleForm>
      {creating && <RefInput source="compoundId" reference="Compound" validate={required()} />}
      <EnumInput source="kind" enumName="CommitteeKind" validate={required()} />
      <TextInput source="formedOn" type="date" validate={required()} />
      <TextInput source="termEndsOn" type="date" />
      <TextInput source="filedOn" type="date" />
      <TextInput source="dissolvedOn" type="date" />
    </SimpleForm>
  );
};
export const OwnersCommitteeCreate = () => (
  <Create redirect={toCompound}>
    <CommitteeForm />
  </Create>
);
export const OwnersCommitteeEdit = () => (
  <Edit mutationMode="pessimistic" redirect={toCompound}>
    <CommitteeForm />
  </Edit>
);

/** The compound a create link came from (its `source` carries it along), to go back to its page. */
const useComingFrom = (): string | null => {
  const search = new URLSearchParams(useLocation().search);
  try {
    return (JSON.parse(search.get('source') ?? '{}') as { compoundId?: string }).compoundId ?? null;
  } catch {
    return null;
  }
};

const MemberForm = () => {
  const creating = !useRecordContext();
  return (
    <SimpleForm>
      {creating && <RefInput source="committeeId" reference="OwnersCommittee" optionText="formedOn" validate={required()} />}
      <TextInput source="name" validate={required()} />
      <EnumInput source="role" enumName="CommitteeRole" validate={required()} />
      <EnumInput source="politicalStatus" enumName="PoliticalStatus" validate={required()} />
      <TextInput source="building" />
      <TextInput source="servedFrom" type="date" />
      <TextInput source="phone" />
      <BooleanInput source="contactPublic" />
      <TextInput source="pledge" multiline fullWidth />
      <TextInput source="photoRef" fullWidth />
      <TextInput source="suspendedOn" type="date" />
      <TextInput source="suspensionReason" fullWidth />
      <TextInput source="removedOn" type="date" />
    </SimpleForm>
  );
};
/** The compound id travels in the create link's source only to come back; it is not a member field. */
const dropCompound = (data: RaRecord) => {
  const { compoundId: _c, ...rest } = data;
  return rest;
};
export const CommitteeMemberCreate = () => {
  const compound = useComingFrom();
  return (
    <Create redirect={(_r?: string, _id?: unknown, data?: Partial<RaRecord>) => (compound ? `Compound/${compound}/show` : `OwnersCommittee/${data?.committeeId}/show`)} transform={dropCompound}>
      <MemberForm />
    </Create>
  );
};
export const CommitteeMemberEdit = () => (
  <Edit mutationMode="pessimistic" redirect={(_r?: string, _id?: unknown, data?: Partial<RaRecord>) => `OwnersCommittee/${data?.committeeId}/show`}>
    <MemberForm />
  </Edit>
);

type Committee = NonNullable<CompoundCommitteeQuery['Compound']>['ownersCommittees'][number];

const link = (resource: string, values: Record<string, unknown>) => `/${resource}/create?source=${encodeURIComponent(JSON.stringify(values))}`;

/**
 * The compound page's part: the committee serving today (or the latest), its members and party share,
 * whether re-election is due, the latest survey and report meeting; a community's staff add a
 * committee and its members from here.
 */
export const CompoundCommittee = ({ compoundId, asOf = today() }: { compoundId: string; asOf?: string }) => {
  const translate = useTranslate();
  const facts = useCanRecordFacts();
  const [data, setData] = useState<CompoundCommitteeQuery['Compound'] | null>(null);
  useEffect(() => {
    request(CompoundCommitteeDocument, { id: compoundId, asOf }).then(
      (d) => setData(d.Compound ?? null),
      () => setData(null),
    );
  }, [compoundId, asOf]);
  if (!data) return null;
  const serving = (c: Committee) => c.formedOn <= asOf && (!c.dissolvedOn || c.dissolvedOn >= asOf);
  const current = data.ownersCommittees.find(serving) ?? [...data.ownersCommittees].sort((a, b) => (a.formedOn < b.formedOn ? 1 : -1))[0];
  const ORDER = ['DIRECTOR', 'DEPUTY_DIRECTOR', 'MEMBER'];
  const members = (current?.members ?? []).filter((m) => !m.removedOn || m.removedOn >= asOf).sort((a, b) => ORDER.indexOf(a.role) - ORDER.indexOf(b.role));
  const survey = current?.surveys[current.surveys.length - 1];
  const meeting = current?.reportMeetings[current.reportMeetings.length - 1];
  return (
    <Box data-testid="compound-committee">
      <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Chip
          label={translate(`enums.CommitteeStanding.${data.committeeStanding}`)}
          color={data.committeeStanding === 'IN_OFFICE' ? 'success' : 'warning'}
          size="small"
          data-testid="committee-standing"
        />
        {current && (
          <Typography variant="body2">
            {translate(`enums.CommitteeKind.${current.kind}`)} · {translate('app.committees.formed', { date: current.formedOn })}
            {current.termEndsOn ? ` · ${translate('app.committees.term_ends', { date: current.termEndsOn })}` : ''}
            {current.filedOn ? ` · ${translate('app.committees.filed', { date: current.filedOn })}` : ''}
          </Typography>
        )}
        <Box sx={{ flexGrow: 1 }} />
        {facts && (
          <Button size="small" variant="outlined" component={Link} to={link('OwnersCommittee', { compoundId, formedOn: today(), kind: 'ELECTED' })} data-testid="add-committee">
            {translate('app.committees.add')}
          </Button>
        )}
      </Stack>
      {!current && <Typography color="text.secondary">{translate('app.committees.none')}</Typography>}
      {current && (
        <>
          {current.belowPartyShare && (
            <Alert severity="warning" sx={{ mb: 1 }}>
              {translate('app.committees.below_share', { share: current.partyShare ?? 0 })}
            </Alert>
          )}
          {current.reElectionDue && (
            <Alert severity="error" sx={{ mb: 1 }}>
              {translate('app.committees.reelection_due', { date: current.termEndsOn ?? '' })}
            </Alert>
          )}
          <Typography variant="body2" data-testid="committee-share">
            {translate('app.committees.share', { members: current.memberCount ?? 0, party: current.partyMemberCount ?? 0, share: current.partyShare ?? '—' })}
          </Typography>
          <Table size="small" data-testid="committee-members">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.CommitteeMember.fields.name')}</TableCell>
                <TableCell>{translate('resources.CommitteeMember.fields.role')}</TableCell>
                <TableCell>{translate('resources.CommitteeMember.fields.politicalStatus')}</TableCell>
                <TableCell>{translate('resources.CommitteeMember.fields.building')}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {members.map((m) => (
                <TableRow key={m.id} data-testid="committee-member">
                  <TableCell>{m.name}</TableCell>
                  <TableCell>{translate(`enums.CommitteeRole.${m.role}`)}</TableCell>
                  <TableCell>{translate(`enums.PoliticalStatus.${m.politicalStatus}`)}</TableCell>
                  <TableCell>{m.building ?? '—'}</TableCell>
                  <TableCell>{m.suspended && <Chip size="small" color="error" label={translate('app.committees.suspended')} />}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {facts && (
            <Button size="small" sx={{ mt: 1 }} component={Link} to={link('CommitteeMember', { committeeId: current.id, compoundId, role: 'MEMBER' })} data-testid="add-member">
              {translate('app.committees.add_member')}
            </Button>
          )}
          <Typography variant="body2" sx={{ mt: 1 }}>
            {survey
              ? translate('app.committees.latest_survey', { year: survey.year, half: survey.half, halfName: translate(`app.committees.half_names.${survey.half}`), rate: survey.satisfactionRate }) +
                (survey.earlyElectionVoteDue ? ` · ${translate('app.committees.vote_due')}` : '')
              : translate('app.committees.no_survey')}
            {' · '}
            {meeting ? translate('app.committees.latest_meeting', { year: meeting.year, date: meeting.heldOn }) : translate('app.committees.no_meeting')}
          </Typography>
        </>
      )}
    </Box>
  );
};
