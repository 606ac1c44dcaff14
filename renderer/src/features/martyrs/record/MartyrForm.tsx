/**
 * Every field of a martyr record, grouped as the registers are read: 基本信息, 籍贯与参军,
 * 牺牲情况, 安葬与批准, 事迹, 亲属, 来源. Tab and Enter go top to bottom (Enter in a one-line
 * field moves on; the page handles that and the save keys).
 */
import { Box } from '@mui/material';
import { periods, type Source } from '../../../../../shared/contract/martyrs';
import { useMartyrLabels, useMartyrsT } from '../i18n';
import { Cell, DateField, DivisionField, GenderField, GroupTitle, NameField, PlainField, SelectField, SuggestField, UnnamedBox, useForm } from './fields';
import { KinRows } from './KinRows';
import { SourceChooser } from './SourceChooser';

interface Props {
  nameRef: React.Ref<HTMLInputElement>;
  sources: Source[];
  onSourceCreated: (source: Source) => void;
  /** An offer taken with Enter in a completing field: move on from it. */
  onPicked: (from: HTMLElement) => void;
  periodNote: string | null;
}

export function MartyrForm({ nameRef, sources, onSourceCreated, onPicked, periodNote }: Props) {
  const { form, set } = useForm();
  const mt = useMartyrsT();
  const labels = useMartyrLabels();

  return (
    <Box sx={{ containerType: 'inline-size', containerName: 'form' }}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(12, minmax(0, 1fr))', columnGap: 1.5, rowGap: 1.25, alignItems: 'start' }}>
        <GroupTitle id="group-basic">{mt('groups.basic')}</GroupTitle>
        <Cell span={5}>
          <NameField inputRef={nameRef} />
        </Cell>
        <Cell span={3}>
          <GenderField />
        </Cell>
        <Cell span={4}>
          <SuggestField name="ethnicity" maxLength={20} onPicked={onPicked} />
        </Cell>
        <Cell span={6}>
          <DateField name="birthDate" />
        </Cell>
        <Cell span={6}>
          <UnnamedBox />
        </Cell>

        <GroupTitle id="group-origin">{mt('groups.origin')}</GroupTitle>
        <Cell span={6}>
          <SuggestField name="nativePlaceText" maxLength={200} onPicked={onPicked} />
        </Cell>
        <Cell span={6}>
          <DivisionField name="nativePlace" />
        </Cell>
        <Cell span={6}>
          <DateField name="joinedDate" />
        </Cell>
        <Cell span={6}>
          <DateField name="partyDate" />
        </Cell>

        <GroupTitle id="group-death">{mt('groups.death')}</GroupTitle>
        <Cell span={12}>
          <SuggestField name="unitAndPost" maxLength={300} onPicked={onPicked} />
        </Cell>
        <Cell span={6}>
          <DateField name="deathDate" />
        </Cell>
        <Cell span={6}>
          <Box>
            <SelectField
              label={mt('fields.period')}
              value={form.period ?? ''}
              options={[{ value: '', label: mt('form.periodNone') }, ...periods.map((p) => ({ value: p, label: labels.period(p) }))]}
              onChange={(p) => set({ period: p || null })}
              testId="field-period"
            />
            {periodNote ? (
              <Box component="p" sx={{ m: 0, mt: 0.25, mx: 0.5, fontSize: '0.75rem', color: 'info.main' }} data-testid="field-period-note">
                {periodNote}
              </Box>
            ) : null}
          </Box>
        </Cell>
        <Cell span={6}>
          <SuggestField name="deathPlaceText" maxLength={200} onPicked={onPicked} />
        </Cell>
        <Cell span={6}>
          <DivisionField name="deathPlace" />
        </Cell>
        <Cell span={12}>
          <SuggestField name="deathCause" maxLength={500} onPicked={onPicked} />
        </Cell>
        <Cell span={12}>
          <PlainField name="merits" multiline enterMovesOn minRows={1} maxLength={2000} />
        </Cell>

        <GroupTitle id="group-burial">{mt('groups.burial')}</GroupTitle>
        <Cell span={6}>
          <SuggestField name="burialPlace" maxLength={200} onPicked={onPicked} />
        </Cell>
        <Cell span={6}>
          <SuggestField name="cemetery" maxLength={100} onPicked={onPicked} />
        </Cell>
        <Cell span={6}>
          <SuggestField name="approvedBy" maxLength={100} onPicked={onPicked} />
        </Cell>
        <Cell span={6}>
          <DateField name="approvedDate" />
        </Cell>
        <Cell span={6}>
          <PlainField name="certificateNo" maxLength={50} />
        </Cell>

        <GroupTitle id="group-deeds">{mt('groups.deeds')}</GroupTitle>
        <Cell span={12}>
          <PlainField name="deeds" multiline minRows={3} maxLength={20000} />
        </Cell>
        <Cell span={12}>
          <PlainField name="remarks" multiline enterMovesOn minRows={1} maxLength={2000} />
        </Cell>

        <GroupTitle id="group-kin">{mt('groups.kin')}</GroupTitle>
        <KinRows />

        <GroupTitle id="group-source">{mt('groups.source')}</GroupTitle>
        <Cell span={8}>
          <SourceChooser sources={sources} onCreated={onSourceCreated} />
        </Cell>
        <Cell span={2}>
          <PlainField name="sourcePage" maxLength={20} />
        </Cell>
        <Cell span={2}>
          <PlainField name="sourceItem" maxLength={20} />
        </Cell>
      </Box>
    </Box>
  );
}
