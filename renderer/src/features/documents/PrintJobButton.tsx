/**
 * A print button for a document that needs no options: starts its job at once, shows the job's
 * progress (and, when a character cannot be printed, which record and field) in the print
 * dialog, and opens the preview when done. The plaque ledger uses it.
 */
import { useState } from 'react';
import { Button, ButtonGroup, Menu, MenuItem, Tooltip } from '@mui/material';
import ArrowDropDownIcon from '@mui/icons-material/ArrowDropDown';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import type { ApiError } from '../../../../shared/contract';
import type { Result } from '../../../../shared/contract/errors';
import type { PlaqueCategory } from '../../../../shared/rules/plaque';
import { useClient } from '../../app/clientContext';
import { PaperOptions, PLAIN_PAPER, PrintJobDialog, type Paper } from './PrintLettersButton';
import { useDocumentsT } from './i18n';

type Started = Result<{ jobId: number }>;

/** Another way to print the same thing, offered in the button's menu (MUI's split button). */
export interface PrintAlternative {
  label: string;
  testId: string;
  start: () => Promise<Started>;
}

export function PrintJobButton({ label, hint, title, disabled, disabledHint, testId, start, size = 'medium', alternatives = [] }: { label: string; hint: string; title: string; disabled?: boolean; disabledHint?: string; testId: string; start: () => Promise<Started>; size?: 'small' | 'medium'; alternatives?: PrintAlternative[] }) {
  const dt = useDocumentsT();
  const [open, setOpen] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const go = async (how: () => Promise<Started>) => {
    setMenu(null);
    setOpen(true);
    setJobId(null);
    setError(null);
    const started = await how();
    if (!started.ok) return setError(started.error);
    setJobId(started.value.jobId);
  };
  const main = (
    <Button variant="outlined" size={size} startIcon={<PrintIcon />} disabled={disabled} onClick={() => void go(start)} data-testid={testId} sx={{ whiteSpace: 'nowrap' }}>
      {label}
    </Button>
  );
  return (
    <>
      <Tooltip title={disabled ? (disabledHint ?? hint) : hint}>
        <span>
          {alternatives.length === 0 ? (
            main
          ) : (
            <ButtonGroup variant="outlined" size={size} disabled={disabled}>
              {main}
              <Button size={size} aria-label={dt('printing.moreWays')} aria-haspopup="menu" onClick={(e) => setMenu(e.currentTarget)} data-testid={`${testId}-more`}>
                <ArrowDropDownIcon />
              </Button>
            </ButtonGroup>
          )}
        </span>
      </Tooltip>
      <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
        {alternatives.map((a) => (
          <MenuItem key={a.testId} onClick={() => void go(a.start)} data-testid={a.testId}>
            {a.label}
          </MenuItem>
        ))}
      </Menu>
      {open ? <PrintJobDialog title={title} jobId={jobId} error={error} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** 打印登记表: the ledger of the page's township or village, with the page's filter. */
export function PrintLedgerButton({ divisionCode, divisionLevel, view, category, query }: { divisionCode: string | null; divisionLevel: number | null; view: string; category: PlaqueCategory | null; query: string }) {
  const dt = useDocumentsT();
  const client = useClient();
  const printable = (['all', 'hung', 'cancelled'] as const).find((v) => v === view);
  const ready = divisionCode !== null && (divisionLevel ?? 0) >= 4 && printable !== undefined;
  return (
    <PrintJobButton
      label={dt('printing.ledger')}
      hint={dt('printing.ledgerHint')}
      title={dt('printing.titles.plaqueLedger')}
      disabled={!ready}
      disabledHint={divisionCode === null || (divisionLevel ?? 0) < 4 ? dt('printing.ledgerNeedDivision') : dt('printing.ledgerViews')}
      testId="print-ledger"
      start={() =>
        client.call('documents.printPlaqueLedger', {
          divisionCode: divisionCode ?? '',
          view: printable ?? 'all',
          ...(category ? { category } : {}),
          query: query.trim().slice(0, 40),
        })
      }
    />
  );
}

/**
 * 打印发放回执: the household's issuance slip (its plaque issued, hung or taken back), on plain
 * paper or on pre-printed slips (套打: fields only) through a printer profile of the slip.
 */
export function PrintSlipButton({ householdId, issued }: { householdId: number; issued: boolean }) {
  const dt = useDocumentsT();
  const client = useClient();
  const [open, setOpen] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [paper, setPaper] = useState<Paper>(PLAIN_PAPER);
  const start = async () => {
    setBusy(true);
    setError(null);
    const started = await client.call('documents.printIssuanceSlip', { householdId, ...paper });
    setBusy(false);
    if (!started.ok) return setError(started.error);
    setJobId(started.value.jobId);
  };
  return (
    <>
      <Tooltip title={issued ? dt('printing.slipHint') : dt('printing.slipNeedsIssued')}>
        <span>
          <Button
            variant="outlined"
            size="small"
            startIcon={<PrintIcon />}
            disabled={!issued}
            onClick={() => {
              setOpen(true);
              setJobId(null);
              setError(null);
            }}
            data-testid="print-slip"
            sx={{ whiteSpace: 'nowrap' }}
          >
            {dt('printing.slip')}
          </Button>
        </span>
      </Tooltip>
      {open ? (
        <PrintJobDialog title={dt('printing.titles.issuanceSlip')} jobId={jobId} error={error} onClose={() => setOpen(false)} onStart={busy ? undefined : () => void start()}>
          <PaperOptions template="slip" paper={paper} onChange={setPaper} />
        </PrintJobDialog>
      ) : null}
    </>
  );
}
