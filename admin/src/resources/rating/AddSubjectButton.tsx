import { MenuItem, TextField as MuiTextField } from '@mui/material';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslate } from 'react-admin';
import { request } from '../../dataProvider';
import { CompoundCommitteesDocument, type CompoundCommitteesQuery, CreateRatingDocument, SearchBranchesDocument, SearchCompaniesDocument, SearchCompoundsDocument } from '../../graphql/generated';
import { MutationDialog, type DialogForm } from '../common/MutationDialog';
import type { GridRating } from './gridModel';
import { SearchPicker, type Option } from './SearchPicker';

type Values = { ref: string; compound: string; name: string };

const searchCompanies = async (q: string): Promise<Option[]> => {
  const d = await request(SearchCompaniesDocument, { q: q || null });
  return d.items.map((c) => ({ id: c.id, label: `${c.name}（${c.uscc}）` }));
};
const searchBranches = async (q: string): Promise<Option[]> => {
  const d = await request(SearchBranchesDocument, { q: q || null });
  return d.items.map((c) => ({ id: c.id, label: c.name }));
};
const searchCompounds = async (q: string): Promise<Option[]> => {
  const d = await request(SearchCompoundsDocument, { q: q || null });
  return d.items.map((c) => ({ id: c.id, label: c.name }));
};

/** The owners' committees of the compound picked, the one in office first. */
const CommitteeSelect = ({ form }: { form: DialogForm<Values> }) => {
  const translate = useTranslate();
  const compound = form.values.compound;
  const [committees, setCommittees] = useState<CompoundCommitteesQuery['items']>([]);
  const { onChange } = form.field('ref');
  // the form's handler is new on every render; the effect runs per compound and uses the latest one
  const pickRef = useRef(onChange);
  useEffect(() => {
    pickRef.current = onChange;
  });
  useEffect(() => {
    if (!compound) return setCommittees([]);
    request(CompoundCommitteesDocument, { compoundId: compound }).then(
      (d) => {
        setCommittees(d.items);
        const current = d.items.find((x) => !x.dissolvedOn);
        if (current) pickRef.current({ target: { value: current.id } });
      },
      () => setCommittees([]),
    );
  }, [compound]);
  return (
    <MuiTextField select label={translate('app.ratings.add.committee')} {...form.field('ref')} required disabled={!compound}>
      {committees.map((c) => (
        <MenuItem key={c.id} value={c.id}>
          {translate(`enums.CommitteeKind.${c.kind}`)} · {c.formedOn}
          {c.dissolvedOn ? ` – ${c.dissolvedOn}` : ''}
        </MenuItem>
      ))}
    </MuiTextField>
  );
};

/**
 * 添加: one more rated subject in the period, by the reference its scheme rates (a property company,
 * a party branch, an owners' committee) or, for managers and guards, by name. The new row comes
 * back without scores, ready to type into.
 */
export const AddSubjectButton = (props: { periodId: string; subjectKind: string; rated: Set<string>; onAdded: (r: GridRating) => void }) => {
  const translate = useTranslate();
  const { periodId, subjectKind } = props;
  const created = useRef<GridRating | null>(null);
  const byName = subjectKind === 'PROPERTY_MANAGER' || subjectKind === 'SECURITY_GUARD';
  const refArg = subjectKind === 'PROPERTY_COMPANY' ? 'propertyCompanyId' : subjectKind === 'PARTY_BRANCH' ? 'partyOrganizationId' : 'ownersCommitteeId';
  const done = useCallback(() => created.current && props.onAdded(created.current), [props]);

  return (
    <MutationDialog<Values>
      label={`app.ratings.add.${subjectKind}`}
      variant="contained"
      testids={{ open: 'add-subject', confirm: 'add-subject-confirm', error: 'add-subject-error' }}
      initial={() => ({ ref: '', compound: '', name: '' })}
      required={byName ? ['name'] : ['ref']}
      submit={async (v) => {
        // only the subject's own argument is sent
        const d = await request(CreateRatingDocument, byName ? { periodId, subjectName: v.name.trim() } : { periodId, [refArg]: v.ref });
        created.current = d.createRating;
      }}
      success="app.ratings.add.done"
      onDone={done}
    >
      {(form) => {
        const ref = form.field('ref');
        const pick = (id: string) => ref.onChange({ target: { value: id } });
        if (byName) return <MuiTextField label={translate('app.ratings.add.name')} {...form.field('name')} required slotProps={{ htmlInput: { 'data-testid': 'add-subject-name' } }} />;
        if (subjectKind === 'PROPERTY_COMPANY')
          return (
            <SearchPicker
              label="app.ratings.add.company"
              search={searchCompanies}
              value={ref.value}
              onChange={pick}
              exclude={props.rated}
              error={ref.error}
              helperText={ref.helperText ?? translate('app.ratings.add.company_help')}
              testid="add-subject-picker"
            />
          );
        if (subjectKind === 'PARTY_BRANCH')
          return <SearchPicker label="app.ratings.add.branch" search={searchBranches} value={ref.value} onChange={pick} error={ref.error} helperText={ref.helperText} testid="add-subject-picker" />;
        const compound = form.field('compound');
        return (
          <>
            <SearchPicker
              label="app.ratings.add.compound"
              search={searchCompounds}
              value={compound.value}
              onChange={(id) => compound.onChange({ target: { value: id } })}
              testid="add-subject-compound"
            />
            <CommitteeSelect form={form} />
          </>
        );
      }}
    </MutationDialog>
  );
};
