import { Create, Edit, NumberInput, required, SimpleForm, TextInput, useRecordContext, type RaRecord } from 'react-admin';
import { EnumInput } from '../common/fields';
import { RefInput } from '../common/forms';

/*
 * 满意度测评 (001 四(二)4) and 年度述职评议会 (四(二)3) of a committee, entered from its page: back to
 * the committee after saving.
 */
const toCommittee = (_r?: string, _id?: unknown, data?: Partial<RaRecord>) => (data?.committeeId ? `OwnersCommittee/${data.committeeId}/show` : 'OwnersCommittee');

const SurveyForm = () => {
  const creating = !useRecordContext();
  return (
    <SimpleForm>
      {creating && <RefInput source="committeeId" reference="OwnersCommittee" optionText="formedOn" validate={required()} />}
      <NumberInput source="year" validate={required()} min={2000} max={2100} />
      <NumberInput source="half" validate={required()} min={1} max={2} helperText="app.committees.half_help" />
      <TextInput source="surveyedOn" type="date" validate={required()} />
      <NumberInput source="satisfactionRate" validate={required()} min={0} max={100} />
      <NumberInput source="respondents" min={0} />
      <TextInput source="reportedOn" type="date" />
      <TextInput source="publishedOn" type="date" />
      <TextInput source="voteHeldOn" type="date" />
      <EnumInput source="voteResult" enumName="EarlyElectionVote" />
    </SimpleForm>
  );
};
export const CommitteeSurveyCreate = () => (
  <Create redirect={toCommittee}>
    <SurveyForm />
  </Create>
);
export const CommitteeSurveyEdit = () => (
  <Edit mutationMode="pessimistic" redirect={toCommittee}>
    <SurveyForm />
  </Edit>
);

const MeetingForm = () => {
  const creating = !useRecordContext();
  return (
    <SimpleForm>
      {creating && <RefInput source="committeeId" reference="OwnersCommittee" optionText="formedOn" validate={required()} />}
      <NumberInput source="year" validate={required()} min={2000} max={2100} />
      <TextInput source="heldOn" type="date" validate={required()} />
      <TextInput source="invitationPostedOn" type="date" />
      <TextInput source="officialsPresent" fullWidth />
      <TextInput source="issues" multiline fullWidth helperText="app.committees.issues_help" />
      <TextInput source="rectificationPostedOn" type="date" />
    </SimpleForm>
  );
};
export const CommitteeReportMeetingCreate = () => (
  <Create redirect={toCommittee}>
    <MeetingForm />
  </Create>
);
export const CommitteeReportMeetingEdit = () => (
  <Edit mutationMode="pessimistic" redirect={toCommittee}>
    <MeetingForm />
  </Edit>
);
