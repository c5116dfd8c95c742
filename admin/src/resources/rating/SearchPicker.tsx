import { Autocomplete, TextField as MuiTextField } from '@mui/material';
import { useEffect, useState } from 'react';
import { useTranslate } from 'react-admin';

export interface Option {
  id: string;
  label: string;
}

/**
 * A record picked by typing part of its name: the server searches (`q`), a quarter second after
 * the last keystroke, so typing a name costs one request, not one per character.
 */
export const SearchPicker = (props: {
  label: string;
  search: (q: string) => Promise<Option[]>;
  value: string;
  onChange: (id: string) => void;
  /** Options not to offer (e.g. companies already rated in the period). */
  exclude?: Set<string>;
  error?: boolean;
  helperText?: string;
  testid?: string;
}) => {
  const translate = useTranslate();
  const { search, exclude } = props;
  const [input, setInput] = useState('');
  const [options, setOptions] = useState<Option[]>([]);
  const [picked, setPicked] = useState<Option | null>(null);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    let live = true;
    setLoading(true);
    const timer = setTimeout(() => {
      search(input.trim())
        .then(
          (found) => live && setOptions(found.filter((o) => !exclude?.has(o.id))),
          () => live && setOptions([]),
        )
        .finally(() => live && setLoading(false));
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [input, search, exclude]);

  useEffect(() => {
    if (!props.value) setPicked(null);
  }, [props.value]);

  return (
    <Autocomplete
      options={options}
      value={picked}
      loading={loading}
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(o) => o.label}
      onInputChange={(_, v, reason) => reason !== 'reset' && setInput(v)}
      onChange={(_, o) => {
        setPicked(o);
        props.onChange(o?.id ?? '');
      }}
      noOptionsText={translate('app.search.none')}
      loadingText={translate('ra.page.loading')}
      renderInput={(params) => (
        <MuiTextField
          {...params}
          label={translate(props.label)}
          error={props.error}
          helperText={props.helperText}
          required
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, 'data-testid': props.testid } }}
        />
      )}
    />
  );
};
