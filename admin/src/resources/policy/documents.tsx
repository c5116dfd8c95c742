import { BooleanField, BooleanInput, Datagrid, DateInput, List, ReferenceField, ReferenceManyField, Show, SimpleForm, Tab, TabbedShowLayout, TextField, TextInput, required } from 'react-admin';
import { formViews } from '../common/forms';
import { ListActions, ShowActions } from '../common/actions';
import { notBefore, DayField } from '../common/fields';
import { History } from '../common/History';
import { OwnerField, OwnerInput } from '../common/owner';

export const PolicyDocumentList = () => (
  <List filters={[<TextInput key="q" source="q" alwaysOn />]} actions={<ListActions filters={false} />} sort={{ field: 'id', order: 'ASC' }}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="docNumber" emptyText="—" />
      <TextField source="title" />
      <TextField source="issuer" />
      <OwnerField source="jurisdictionId" />
      <DayField source="issueDate" emptyText="—" />
      <DayField source="validTo" emptyText="—" />
    </Datagrid>
  </List>
);

export const PolicyDocumentShow = () => (
  <Show actions={<ShowActions />}>
    <TabbedShowLayout>
      <Tab label="app.document.summary">
        <TextField source="title" />
        <TextField source="docNumber" emptyText="—" />
        <TextField source="indexNumber" emptyText="—" />
        <TextField source="issuer" />
        <OwnerField source="jurisdictionId" />
        <DayField source="issueDate" emptyText="—" />
        <DayField source="validFrom" emptyText="—" />
        <DayField source="validTo" emptyText="—" />
        <BooleanField source="isPublic" />
        <TextField source="note" emptyText="—" />
        <ReferenceManyField label="resources.PolicyDocument.fields.citations" reference="DocumentCitation" target="citingDocumentId" perPage={100}>
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <TextField source="citedTitle" />
            <TextField source="citedDocNumber" emptyText="—" />
            <ReferenceField source="citedDocumentId" reference="PolicyDocument" link="show" emptyText="—">
              <TextField source="docNumber" />
            </ReferenceField>
            <ReferenceField source="clauseId" reference="Clause" link={false} emptyText="—">
              <TextField source="number" />
            </ReferenceField>
          </Datagrid>
        </ReferenceManyField>
      </Tab>
      <Tab label="resources.PolicyDocument.fields.clauses" path="clauses">
        <ReferenceManyField label={false} reference="Clause" target="documentId" perPage={200} sort={{ field: 'sortOrder', order: 'ASC' }}>
          <Datagrid bulkActionButtons={false} rowClick={false}>
            <TextField source="number" />
            <TextField source="title" emptyText="" />
            <TextField source="text" sx={{ whiteSpace: 'pre-wrap' }} />
          </Datagrid>
        </ReferenceManyField>
      </Tab>
      <Tab label="app.history.title" path="history">
        <History />
      </Tab>
    </TabbedShowLayout>
  </Show>
);

const DocumentForm = () => (
  <SimpleForm>
    <TextInput source="title" validate={required()} fullWidth />
    <TextInput source="docNumber" />
    <TextInput source="indexNumber" />
    <TextInput source="issuer" validate={required()} />
    <OwnerInput source="jurisdictionId" />
    <DateInput source="issueDate" />
    <DateInput source="validFrom" />
    <DateInput source="validTo" validate={notBefore('validFrom')} />
    <BooleanInput source="isPublic" />
    <TextInput source="note" fullWidth />
  </SimpleForm>
);

export const { EditView: PolicyDocumentEdit, CreateView: PolicyDocumentCreate } = formViews(DocumentForm, { owner: 'jurisdictionId' });
