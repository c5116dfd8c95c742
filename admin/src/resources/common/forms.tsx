import type { ComponentType } from 'react';
import { AutocompleteInput, Create, Edit, ReferenceInput, type Validator } from 'react-admin';
import { withoutEmptyOwner } from './owner';

/**
 * Edit (pessimistic: the server's field errors come back into the form, and nothing is shown as
 * saved before it is) and Create (then show the new record) around one form. `owner` names the
 * record's owning-office column (common/owner.tsx): left empty on create, it is not sent, so the
 * API puts the record in the user's office.
 */
export function formViews(Form: ComponentType, { owner }: { owner?: string } = {}) {
  const EditView = () => (
    <Edit mutationMode="pessimistic">
      <Form />
    </Edit>
  );
  const CreateView = () => (
    <Create redirect="show" transform={owner ? withoutEmptyOwner(owner) : undefined}>
      <Form />
    </Create>
  );
  return { EditView, CreateView };
}

/** A reference picked by typing part of its name (server-side `q` search). */
export const RefInput = (props: { source: string; reference: string; optionText?: string; validate?: Validator | Validator[]; filter?: Record<string, unknown>; alwaysOn?: boolean }) => (
  <ReferenceInput source={props.source} reference={props.reference} filter={props.filter}>
    <AutocompleteInput optionText={props.optionText ?? 'name'} filterToQuery={(q: string) => ({ q })} validate={props.validate} />
  </ReferenceInput>
);
