/**
 * 提交筛选出的草稿: at the end of the day the archivist sends what she keyed for review. The ids
 * of every draft or returned record matching the list's filters are collected page by page (keyset),
 * then submitted 500 at a time.
 */
import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, LinearProgress, Typography } from '@mui/material';
import SendIcon from '@mui/icons-material/SendOutlined';
import { useTranslation } from 'react-i18next';
import type { ApiError, MethodInput } from '../../../../../shared/contract';
import { useClient } from '../../../app/clientContext';
import { ApiErrorAlert } from '../../../components/ApiErrorAlert';
import { formatCount } from '../../../lib/format';
import { useMartyrsT } from '../i18n';
import { SuccessNotice } from '../../../components/SuccessNotice';

const MAX_IDS = 20_000;

interface Props {
  input: Omit<MethodInput<'martyrs.search'>, 'after' | 'limit'>;
  onDone: () => void;
}

export function SubmitDraftsButton({ input, onDone }: Props) {
  const mt = useMartyrsT();
  const { t } = useTranslation();
  const client = useClient();
  const [state, setState] = useState<null | { ids: number[] | null; busy: boolean; error: ApiError | null }>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const start = async () => {
    setState({ ids: null, busy: true, error: null });
    const ids: number[] = [];
    for (const status of input.status === 'returned' ? (['returned'] as const) : (['draft'] as const)) {
      let after: string | undefined;
      do {
        const page = await client.call('martyrs.search', { ...input, status, limit: 200, after });
        if (!page.ok) return setState({ ids: null, busy: false, error: page.error });
        ids.push(...page.value.rows.map((r) => r.id));
        after = page.value.nextCursor ?? undefined;
      } while (after && ids.length < MAX_IDS);
    }
    setState({ ids, busy: false, error: null });
  };

  const submit = async (ids: number[]) => {
    setState({ ids, busy: true, error: null });
    let changed = 0;
    for (let i = 0; i < ids.length; i += 500) {
      const result = await client.call('martyrs.submit', { ids: ids.slice(i, i + 500) });
      if (!result.ok) return setState({ ids, busy: false, error: result.error });
      changed += result.value.changed;
    }
    setState(null);
    setNotice(mt('list.submitDraftsDone', { count: formatCount(changed) }));
    onDone();
  };

  return (
    <>
      <Button variant="outlined" startIcon={<SendIcon />} onClick={() => void start()} data-testid="martyr-submit-drafts">
        {mt('list.submitDrafts')}
      </Button>
      {state ? (
        <Dialog open onClose={state.busy ? undefined : () => setState(null)} maxWidth="xs" fullWidth>
          <DialogTitle>{mt('list.submitDraftsTitle')}</DialogTitle>
          <DialogContent>
            {state.ids === null && state.busy ? (
              <>
                <Typography sx={{ mb: 1 }}>{mt('list.submitDraftsCounting')}</Typography>
                <LinearProgress />
              </>
            ) : null}
            {state.ids !== null ? (
              state.ids.length > 0 ? (
                <Typography>{mt('list.submitDraftsLead', { count: formatCount(state.ids.length) })}</Typography>
              ) : (
                <Alert severity="info">{mt('list.submitDraftsNone')}</Alert>
              )
            ) : null}
            {state.ids !== null && state.busy ? <LinearProgress sx={{ mt: 2 }} /> : null}
            <ApiErrorAlert error={state.error} sx={{ mt: 2 }} />
          </DialogContent>
          <DialogActions sx={{ px: 3, pb: 2 }}>
            <Button onClick={() => setState(null)} disabled={state.busy}>
              {t('common.cancel')}
            </Button>
            <Button
              variant="contained"
              autoFocus
              disabled={state.busy || !state.ids || state.ids.length === 0}
              onClick={() => state.ids && void submit(state.ids)}
              data-testid="martyr-submit-drafts-confirm"
            >
              {mt('record.submit')}
            </Button>
          </DialogActions>
        </Dialog>
      ) : null}
      <SuccessNotice notice={notice} onClose={() => setNotice(null)} />
    </>
  );
}
