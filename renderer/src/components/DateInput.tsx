import { useRef, useState } from 'react';
import type { SxProps, Theme } from '@mui/material';
import { DesktopDatePicker } from '@mui/x-date-pickers/DesktopDatePicker';
import type { FieldRef, FieldSelectedSections } from '@mui/x-date-pickers/models';
import { pickersSectionListClasses } from '@mui/x-date-pickers/PickersSectionList';
import dayjs, { type Dayjs } from 'dayjs';
import { useLang } from '../i18n';
import { calendarHeadingFormat, DATE_FORMAT } from '../app/DateLocalization';
import type {} from '../app/muiTypes';

interface Props {
  label: string;
  /** The date as 'YYYY-MM-DD', or undefined for none. */
  value: string | undefined;
  /** Called with a complete, valid date as 'YYYY-MM-DD', or undefined once the field is emptied or no longer holds one. */
  onChange: (value: string | undefined) => void;
  minDate?: string;
  maxDate?: string;
  /** On the field's `<input>` (it carries the value as 'YYYY-MM-DD', so a test can `fill()` it). */
  testId?: string;
  sx?: SxProps<Theme>;
}

function toDate(text: string | undefined): Dayjs | null {
  if (!text) return null;
  const date = dayjs(text);
  return date.isValid() ? date : null;
}

/** True when no section of the field holds anything yet. */
function isEmpty(field: FieldRef<Dayjs | null> | null): boolean {
  return field !== null && field.getSections().every((section) => section.value === '');
}

/**
 * A date typed with the keyboard (year, month and day sections, e.g. 2026 11 05) or chosen from the
 * calendar, always shown YYYY-MM-DD whatever the operating system's locale; clearable.
 * The parent only ever sees complete dates; an incomplete one stays in the field until it is finished.
 */
export function DateInput({ label, value, onChange, minDate, maxDate, testId, sx }: Props) {
  const { lang } = useLang();
  // What the field holds, valid or not yet, with the value it last reported to the parent: as long
  // as the parent still has that value the field shows what is being typed, otherwise the parent's.
  const [draft, setDraft] = useState(() => ({ date: toDate(value), reported: value }));
  const shown = draft.reported === value ? draft.date : toDate(value);
  const [selected, setSelected] = useState<FieldSelectedSections>(null);
  const fieldRef = useRef<FieldRef<Dayjs | null>>(null);

  const change = (date: Dayjs | null) => {
    const text = date?.isValid() ? date.format(DATE_FORMAT) : undefined;
    setDraft({ date, reported: text });
    if (text !== value) onChange(text);
  };

  return (
    <DesktopDatePicker
      label={label}
      value={shown}
      onChange={change}
      format={DATE_FORMAT}
      // An empty field is always typed from the year on, wherever it was clicked: a click on
      // its right half would otherwise start on the day and turn 20261105 into nonsense.
      selectedSections={selected}
      onSelectedSectionsChange={(next) => setSelected(typeof next === 'number' && isEmpty(fieldRef.current) ? 0 : next)}
      minDate={toDate(minDate) ?? undefined}
      maxDate={toDate(maxDate) ?? undefined}
      slotProps={{
        field: { clearable: true, fieldRef },
        textField: {
          sx,
          slotProps: {
            htmlInput: {
              'data-testid': testId,
              // Focus that lands on the hidden input (a click on the label, a test's fill()) goes
              // to the field with the whole date selected: a digit typed then starts the year, and
              // a complete date typed or pasted at once ("2026-11-05") replaces the value.
              onFocus: (event) => {
                const sections = event.currentTarget.parentElement?.querySelector<HTMLElement>(`.${pickersSectionListClasses.root}`);
                if (!sections) return;
                sections.focus();
                fieldRef.current?.setSelectedSections('all');
                // when the whole date was already selected, the state does not change and the
                // browser's selection (collapsed by the focus moving) must be restored here
                document.getSelection()?.selectAllChildren(sections);
              },
            },
          },
        },
        calendarHeader: { format: calendarHeadingFormat(lang) },
      }}
    />
  );
}
