import { Autocomplete, TextField as MuiTextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { AutocompleteInput, ReferenceField, ReferenceInput, useDataProvider, useRecordContext, useTranslate, type RaRecord } from 'react-admin';
import { getOffice, getUser, type LookedAtOffice } from '../../authProvider';

/*
 * The office that owns a record (issue 14): documents, working groups, people, programmes, rating
 * schemes, partner keys and users name it as `jurisdictionId`, property companies as
 * `ownerJurisdictionId`. Lists and show pages name the office; create forms may pick another one
 * (the API refuses, OUT_OF_SCOPE, an office the user may not write in). Left empty, the API puts a
 * new record in the office the user works in: their own, or the one a root user is looking at.
 */

/** How a jurisdiction reads in pickers: 宝盖镇（街道 / 镇）, so two places of one name can be told apart by level. */
const useJurisdictionLabel = () => {
  const translate = useTranslate();
  return (j: { name: string; level: string }) => `${j.name}（${translate(`enums.JurisdictionLevel.${j.level}`, { _: j.level })}）`;
};

/** The office a record left without an owner goes to: the one being looked at, else the user's own; null: the platform. */
export const defaultOfficeName = (): string | null => getOffice()?.name ?? getUser()?.jurisdiction?.name ?? null;

/**
 * The owning office by name; a record kept by the platform (no owner) reads 全平台. `source` names the
 * column: lists and show layouts read it from the element for the header, the label and the sort.
 */
export const OwnerField = ({ source }: { source: string; label?: string; sortable?: boolean }) => (
  <ReferenceField source={source} reference="Jurisdiction" link={false} emptyText="app.scope.platform" />
);

/**
 * The owning office, picked by typing part of its name; optional. On a create form the hint says
 * where an empty choice puts the record (`emptyHint` overrides it, e.g. for users).
 */
export const OwnerInput = ({ source, emptyHint }: { source: string; emptyHint?: string }) => {
  const translate = useTranslate();
  const label = useJurisdictionLabel();
  const record = useRecordContext();
  const office = defaultOfficeName();
  const hint = emptyHint ?? (record?.id ? undefined : office ? translate('app.scope.owner_default', { office }) : translate('app.scope.owner_default_platform'));
  return (
    <ReferenceInput source={source} reference="Jurisdiction">
      <AutocompleteInput optionText={(j: RaRecord) => label({ name: j.name, level: j.level })} filterToQuery={(q: string) => ({ q })} helperText={hint} data-testid={`owner-input-${source}`} />
    </ReferenceInput>
  );
};

/**
 * For Create's `transform`: an owner left empty is left out, so the API applies its default (the
 * creating user's office). Sent as null it would mean the platform, which only a root user may name.
 */
export const withoutEmptyOwner =
  (source = 'jurisdictionId') =>
  <T extends Record<string, unknown>>(data: T): T => {
    if (data[source] !== null && data[source] !== undefined && data[source] !== '') return data;
    const out = { ...data };
    delete out[source];
    return out;
  };

/**
 * A jurisdiction picked by typing part of its name, outside react-admin's forms (the app bar's
 * office picker, the partner key dialog): the server searches (`q`) a quarter second after the last
 * keystroke.
 */
export const JurisdictionPicker = (props: { label: string; value: LookedAtOffice | null; onChange: (j: LookedAtOffice | null) => void; helperText?: string; testid?: string; autoFocus?: boolean }) => {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const label = useJurisdictionLabel();
  const [input, setInput] = useState('');
  const [options, setOptions] = useState<LookedAtOffice[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const q = input.trim();
    const timer = setTimeout(() => {
      dataProvider
        .getList('Jurisdiction', { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: q ? { q } : {} })
        .then(
          ({ data }) => live && setOptions(data.map((j) => ({ id: String(j.id), name: j.name, level: j.level }))),
          () => live && setOptions([]),
        )
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [input, dataProvider]);

  return (
    <Autocomplete
      options={options}
      value={props.value}
      loading={loading}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={label}
      onInputChange={(_, v, reason) => reason !== 'reset' && setInput(v)}
      onChange={(_, j) => props.onChange(j)}
      noOptionsText={translate('app.scope.none')}
      loadingText={translate('ra.page.loading')}
      renderInput={(params) => (
        <MuiTextField
          {...params}
          label={translate(props.label)}
          helperText={props.helperText}
          autoFocus={props.autoFocus}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': props.testid } }}
        />
      )}
    />
  );
};
