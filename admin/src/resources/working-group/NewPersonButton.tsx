import { TextField as MuiTextField } from '@mui/material';
import { useRef } from 'react';
import { useTranslate } from 'react-admin';
import { useFormContext } from 'react-hook-form';
import { request } from '../../dataProvider';
import { NewPersonDocument } from '../../graphql/generated';
import { MutationDialog } from '../common/MutationDialog';

export interface NewPerson {
  id: string;
  name: string;
}

/**
 * 新建人员: a person who is not on file yet, created from a picker (a seat's member, a post's
 * successor) without leaving it: name (as printed; the one field a person requires), phone and
 * note, sent through createPerson (the office keeping the record is the creator's); the picker then
 * holds the new person. The server's field errors (a name too long) show under their inputs.
 */
export const NewPersonButton = ({ onCreated, testId = 'new-person' }: { onCreated: (p: NewPerson) => void; testId?: string }) => {
  const translate = useTranslate();
  const created = useRef<NewPerson | null>(null);
  return (
    <MutationDialog
      label="app.people.new"
      maxWidth="xs"
      testids={{ open: testId, confirm: `${testId}-confirm`, error: `${testId}-error` }}
      initial={() => ({ name: '', phone: '', note: '' })}
      required={['name']}
      submit={async (v) => {
        const r = await request(NewPersonDocument, { name: v.name.trim(), phone: v.phone.trim() || null, note: v.note.trim() || null });
        created.current = r.createPerson;
      }}
      success="app.people.created"
      onDone={() => created.current && onCreated(created.current)}
    >
      {(form) => (
        <>
          <MuiTextField label={translate('resources.Person.fields.name')} {...form.field('name')} required autoFocus slotProps={{ htmlInput: { maxLength: 50, 'data-testid': `${testId}-name` } }} />
          <MuiTextField label={translate('resources.Person.fields.phone')} {...form.field('phone')} slotProps={{ htmlInput: { maxLength: 30, 'data-testid': `${testId}-phone` } }} />
          <MuiTextField label={translate('resources.Person.fields.note')} {...form.field('note')} slotProps={{ htmlInput: { maxLength: 200 } }} />
        </>
      )}
    </MutationDialog>
  );
};

/** In a record form (a seat): creates the person and puts them in `source`. */
export const NewPersonForField = ({ source }: { source: string }) => {
  const { setValue } = useFormContext();
  return <NewPersonButton onCreated={(p) => setValue(source, p.id, { shouldDirty: true, shouldValidate: true })} />;
};
