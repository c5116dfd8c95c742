import { Datagrid, FunctionField, List, required, SimpleForm, useTranslate, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { ListActions } from '../common/actions';
import { EnumField, EnumInput } from '../common/fields';
import { formViews, RefInput } from '../common/forms';

/*
 * 交叉任职: an owners'-committee member of the same compound who is also in the branch, and their seat in
 * it (书记, 副书记, 支委委员, 党员). Recorded from the organisation's page; the server refuses a member who
 * is not a party member or sits on another compound's committee.
 */

export const PartyOrganizationMemberList = () => {
  const translate = useTranslate();
  return (
    <List actions={<ListActions facts filters={false} />} filters={[<RefInput key="o" source="partyOrganizationId" reference="PartyOrganization" alwaysOn />]}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <FunctionField
          source="partyOrganizationId"
          sortable={false}
          render={(r: RaRecord) => <Link to={`/PartyOrganization/${r.partyOrganizationId}/show`}>{r.partyOrganization?.name ?? r.partyOrganizationId}</Link>}
        />
        <FunctionField source="committeeMemberId" sortable={false} render={(r: RaRecord) => r.committeeMember?.name} />
        <FunctionField label="app.party.committee_role" render={(r: RaRecord) => r.committeeMember && translate(`enums.CommitteeRole.${r.committeeMember.role}`)} />
        <EnumField source="branchRole" enumName="PartyBranchRole" />
      </Datagrid>
    </List>
  );
};

const MemberForm = () => (
  <SimpleForm>
    <RefInput source="partyOrganizationId" reference="PartyOrganization" validate={required()} />
    <RefInput source="committeeMemberId" reference="CommitteeMember" validate={required()} />
    <EnumInput source="branchRole" enumName="PartyBranchRole" validate={required()} />
  </SimpleForm>
);

export const { EditView: PartyOrganizationMemberEdit, CreateView: PartyOrganizationMemberCreate } = formViews(MemberForm);
