/**
 * The entry form's fields. Each reads and writes the form through FormContext, shows its error
 * (a check made as you type, or the backend's) in red under it, and carries `field-<name>` as the
 * data-testid of its input. Dates show what they were read as; the name shows its surname split;
 * units, places and cemeteries complete from the values already stored (martyrs.suggest).
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { Autocomplete, Box, Checkbox, FormControlLabel, TextField, Typography } from '@mui/material';
import type { Division, LocalizedText, MethodInput } from '../../../../../shared/contract';
import { checkPersonName } from '../../../../../shared/rules/personName';
import { useClient } from '../../../app/clientContext';
import { DivisionPicker } from '../../../components/DivisionPicker';
import { useLang } from '../../../i18n';
import { useMartyrsT } from '../i18n';
import { readDate } from './dates';
import type { FormState, Gender, TextField as TextFieldName } from './formState';

export interface FormContextValue {
  form: FormState;
  set: (patch: Partial<FormState>) => void;
  /** The error to show under a field (by path), if any. */
  errorOf: (path: string) => LocalizedText | undefined;
  readOnly: boolean;
  /** A field was left (the date of death then suggests the period). */
  touch: (path: string) => void;
}

export const FormContext = createContext<FormContextValue | null>(null);

export function useForm(): FormContextValue {
  const value = useContext(FormContext);
  if (!value) throw new Error('useForm outside FormContext');
  return value;
}

/** A place in the form's 12-column grid. */
export function Cell({ span = 4, children }: { span?: number; children: ReactNode }) {
  return <Box sx={{ gridColumn: `span ${span}`, minWidth: 0, '@container form (max-width: 560px)': { gridColumn: 'span 12' } }}>{children}</Box>;
}

function Helper({ error, children }: { error?: string; children?: ReactNode }) {
  if (error) return <span data-field-error>{error}</span>;
  return <>{children}</>;
}

interface TextProps {
  name: TextFieldName;
  multiline?: boolean;
  /** A multi-line field where Enter still moves on (Shift+Enter for a new line). */
  enterMovesOn?: boolean;
  minRows?: number;
  maxLength: number;
  autoFocus?: boolean;
  placeholder?: string;
  helper?: ReactNode;
  inputRef?: React.Ref<HTMLInputElement>;
}

export function PlainField({ name, multiline, enterMovesOn, minRows, maxLength, autoFocus, placeholder, helper, inputRef }: TextProps) {
  const { form, set, errorOf, readOnly, touch } = useForm();
  const mt = useMartyrsT();
  const { pick } = useLang();
  const error = errorOf(name);
  return (
    <TextField
      label={mt(`fields.${name}`)}
      value={form[name]}
      onChange={(e) => set({ [name]: e.target.value } as Partial<FormState>)}
      onBlur={() => touch(name)}
      multiline={multiline}
      minRows={minRows}
      autoFocus={autoFocus}
      placeholder={placeholder}
      error={Boolean(error)}
      helperText={error || helper ? <Helper error={error ? pick(error) : undefined}>{helper}</Helper> : undefined}
      autoComplete="off"
      inputRef={inputRef}
      slotProps={{ htmlInput: { 'data-testid': `field-${name}`, 'data-enter-next': enterMovesOn ? 'true' : undefined, maxLength, readOnly, spellCheck: false }, inputLabel: { shrink: true } }}
    />
  );
}

/** 出生日期, 牺牲时间 …: free text as written, read as you type. */
export function DateField({ name }: { name: 'birthDate' | 'joinedDate' | 'partyDate' | 'deathDate' | 'approvedDate' }) {
  const { form, set, errorOf, readOnly, touch } = useForm();
  const mt = useMartyrsT();
  const { pick } = useLang();
  const reading = readDate(form[name]);
  const backend = errorOf(name);
  const local = reading.kind === 'bad' ? reading.reason : undefined;
  const error = local ?? backend;
  const helper =
    reading.kind === 'ok'
      ? reading.from === reading.to
        ? mt('form.dateNormalizedDay', { text: reading.text, from: reading.from })
        : mt('form.dateNormalized', { text: reading.text, from: reading.from, to: reading.to })
      : '\u00a0';
  return (
    <TextField
      label={mt(`fields.${name}`)}
      value={form[name]}
      onChange={(e) => set({ [name]: e.target.value } as Partial<FormState>)}
      onBlur={() => touch(name)}
      placeholder={mt('form.datePlaceholder')}
      error={Boolean(error)}
      helperText={<Helper error={error ? pick(error) : undefined}>{helper}</Helper>}
      autoComplete="off"
      slotProps={{
        htmlInput: { 'data-testid': `field-${name}`, maxLength: 60, readOnly, spellCheck: false },
        inputLabel: { shrink: true },
        formHelperText: { 'data-testid': `field-${name}-reading`, sx: { color: reading.kind === 'ok' && !error ? 'success.dark' : undefined, mx: 0.5 } } as object,
      }}
    />
  );
}

/** 姓名: checked by the GB 18030 name rule as you type (unless the martyr is unnamed). */
export function NameField({ inputRef }: { inputRef?: React.Ref<HTMLInputElement> }) {
  const { form, set, errorOf, readOnly, touch } = useForm();
  const mt = useMartyrsT();
  const { pick } = useLang();
  const error = errorOf('name');
  let helper = '\u00a0';
  if (!form.unnamed && form.name.trim() !== '') {
    const checked = checkPersonName(form.name);
    if (checked.ok) helper = checked.givenName ? mt('form.nameOk', { surname: checked.surname, given: checked.givenName }) : mt('form.nameOkSingle', { name: checked.normalized });
  } else if (form.unnamed) {
    helper = mt('fields.unnamedHelp');
  }
  return (
    <TextField
      label={mt('fields.name')}
      value={form.name}
      onChange={(e) => set({ name: e.target.value })}
      onBlur={() => touch('name')}
      required={!form.unnamed}
      error={Boolean(error)}
      helperText={<Helper error={error ? pick(error) : undefined}>{helper}</Helper>}
      autoComplete="off"
      inputRef={inputRef}
      slotProps={{
        htmlInput: { 'data-testid': 'field-name', maxLength: 60, readOnly, spellCheck: false, lang: 'zh-CN' },
        inputLabel: { shrink: true },
        formHelperText: { sx: { mx: 0.5, color: error ? undefined : 'text.secondary' } },
        input: { sx: { fontSize: '1.0625rem', fontWeight: 600 } },
      }}
    />
  );
}

type SuggestName = MethodInput<'martyrs.suggest'>['field'];

/**
 * A text field that offers the values already stored in the field (as typed, most used first).
 * Free text always wins: Enter keeps what was typed unless an offer was chosen with ↓.
 */
export function SuggestField({ name, maxLength, onPicked }: { name: SuggestName & TextFieldName; maxLength: number; onPicked?: (target: HTMLElement) => void }) {
  const { form, set, errorOf, readOnly, touch } = useForm();
  const mt = useMartyrsT();
  const { pick } = useLang();
  const client = useClient();
  const value = form[name];
  const [options, setOptions] = useState<{ prefix: string; values: string[] }>({ prefix: '\u0000', values: [] });
  const [open, setOpen] = useState(false);
  const prefix = value.trim();

  useEffect(() => {
    if (!open || readOnly || options.prefix === prefix) return;
    let live = true;
    const timer = window.setTimeout(() => {
      void client.call('martyrs.suggest', { field: name, prefix, limit: 10 }).then((result) => {
        if (live) setOptions({ prefix, values: result.ok ? result.value.map((s) => s.value).filter((v) => v !== prefix) : [] });
      });
    }, 120);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [client, name, prefix, open, readOnly, options.prefix]);

  const error = errorOf(name);
  // While the offers for what was just typed load, the previous ones that still fit stay shown.
  const shown = options.prefix === prefix ? options.values : options.values.filter((v) => v.includes(prefix) && v !== prefix);
  return (
    <Autocomplete<string, false, true, true>
      freeSolo
      disableClearable
      open={open && shown.length > 0}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      // While the offers for what was just typed load, the previous ones that still fit stay shown.
      options={shown}
      filterOptions={(x) => x}
      inputValue={value}
      onInputChange={(_e, next, reason) => {
        if (reason === 'input' || reason === 'selectOption') set({ [name]: next } as Partial<FormState>);
        if (reason === 'input') setOpen(true);
      }}
      value={value}
      onChange={(event, next, reason) => {
        if (typeof next === 'string') set({ [name]: next } as Partial<FormState>);
        // An offer chosen with the keyboard: Enter then moves on as in any other field.
        if (reason === 'selectOption' && event.type === 'keydown' && (event as React.KeyboardEvent).key === 'Enter' && onPicked && event.target instanceof HTMLElement) {
          const target = event.target;
          window.setTimeout(() => onPicked(target), 0);
        }
      }}
      readOnly={readOnly}
      renderInput={(params) => (
        <TextField
          {...params}
          label={mt(`fields.${name}`)}
          onBlur={() => {
            setOpen(false);
            touch(name);
          }}
          error={Boolean(error)}
          helperText={error ? pick(error) : undefined}
          autoComplete="off"
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'data-testid': `field-${name}`, maxLength, spellCheck: false },
            inputLabel: { ...params.slotProps.inputLabel, shrink: true },
          }}
        />
      )}
    />
  );
}

/** 籍贯 / 牺牲地点 对应现行区划: optional, by name, pinyin or code. */
export function DivisionField({ name }: { name: 'nativePlace' | 'deathPlace' }) {
  const { form, set, errorOf, readOnly } = useForm();
  const mt = useMartyrsT();
  const { pick } = useLang();
  const path = name === 'nativePlace' ? 'nativePlaceCode' : 'deathPlaceCode';
  const error = errorOf(path);
  return (
    <DivisionPicker
      value={form[name]}
      onChange={(division: Division | null) => set({ [name]: division } as Partial<FormState>)}
      label={mt(`fields.${path}`)}
      helperText={error ? pick(error) : undefined}
      error={Boolean(error)}
      disabled={readOnly}
      testId={`field-${path}`}
    />
  );
}

/** A native select (fast with the keyboard: arrows change it without opening). */
export function SelectField<V extends string>({ label, value, options, onChange, testId }: { label: string; value: V | ''; options: { value: V | ''; label: string }[]; onChange: (value: V | '') => void; testId: string }) {
  const { readOnly } = useForm();
  return (
    <TextField
      select
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as V | '')}
      disabled={readOnly}
      slotProps={{ select: { native: true }, htmlInput: { 'data-testid': testId }, inputLabel: { shrink: true } }}
    >
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </TextField>
  );
}

/** 无名烈士: off the Enter path (most records have a name); Tab reaches it, and Alt+U toggles it. */
export function UnnamedBox() {
  const { form, set, readOnly } = useForm();
  const mt = useMartyrsT();
  return (
    <FormControlLabel
      data-nav-skip
      sx={{ ml: 0, mt: 0.5 }}
      control={<Checkbox size="small" checked={form.unnamed} onChange={(e) => set({ unnamed: e.target.checked })} disabled={readOnly} slotProps={{ input: { 'data-testid': 'field-unnamed' } as object }} />}
      label={
        <Typography variant="body2">
          {mt('fields.unnamed')}
          <Typography component="span" variant="caption" color="text.disabled" sx={{ ml: 1 }}>
            Alt+U
          </Typography>
        </Typography>
      }
    />
  );
}

const GENDER_KEYS: Record<string, Gender> = { '1': 'male', '2': 'female', '0': 'unknown', m: 'male', f: 'female', u: 'unknown' };

/** 性别: 不详 / 男 / 女; keys 1 男, 2 女, 0 不详 (arrows work too). */
export function GenderField() {
  const { form, set, readOnly } = useForm();
  const mt = useMartyrsT();
  return (
    <TextField
      select
      label={mt('fields.gender')}
      value={form.gender}
      onChange={(e) => set({ gender: e.target.value as Gender })}
      onKeyDown={(e) => {
        const g = GENDER_KEYS[e.key.toLowerCase()];
        if (!g || e.ctrlKey || e.altKey || e.metaKey) return;
        e.preventDefault();
        set({ gender: g });
      }}
      disabled={readOnly}
      helperText={mt('form.genderKeys')}
      slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'field-gender' }, inputLabel: { shrink: true }, formHelperText: { sx: { mx: 0.5 } } }}
    >
      {(['unknown', 'male', 'female'] as const).map((g) => (
        <option key={g} value={g}>
          {mt(`gender.${g}`)}
        </option>
      ))}
    </TextField>
  );
}

/** A group's heading (基本信息, 籍贯与参军 …). */
export function GroupTitle({ children, id }: { children: ReactNode; id: string }) {
  return (
    <Typography
      id={id}
      variant="subtitle2"
      component="h2"
      sx={{ gridColumn: 'span 12', color: 'primary.dark', borderBottom: 1, borderColor: 'divider', pb: 0.5, mt: 1, letterSpacing: 0.5 }}
    >
      {children}
    </Typography>
  );
}
