/**
 * The roll as a dense table: a sticky header and virtualized rows (name, sex, born, died, native
 * place, unit, period, certificate, status). Used by the roll, the review queue and the recycle bin.
 */
import type { ReactNode } from 'react';
import { alpha, Box, Skeleton, Typography } from '@mui/material';
import type { MartyrRow } from '../../../../../shared/contract';
import { useMartyrLabels, useMartyrsT } from '../i18n';
import { StatusChip } from '../StatusChip';
import { VirtualRows } from './VirtualRows';
import type { KeysetList } from './useKeysetList';

const COLUMNS = '124px 60px 104px 112px minmax(120px, 1fr) minmax(150px, 1.5fr) 124px 108px 88px';
const MIN_WIDTH = 960;

const cell = { px: 1, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 } as const;

interface Props {
  list: KeysetList<MartyrRow>;
  selectedIndex: number;
  /** Bumped when a key moves the selection (VirtualRows brings it into view). */
  revealKey?: number;
  onSelect: (index: number) => void;
  onOpen: (row: MartyrRow, index: number) => void;
  testId: string;
  label: string;
  emptyText: string;
  /** Replaces the status column (e.g. a restore button in the recycle bin). */
  trailing?: (row: MartyrRow) => ReactNode;
  initialOffset?: number;
  onOffset?: (offset: number) => void;
  containerRef?: React.Ref<HTMLDivElement>;
  onKeyDown?: (event: React.KeyboardEvent<HTMLDivElement>) => void;
}

export function RollTable({ list, selectedIndex, revealKey, onSelect, onOpen, testId, label, emptyText, trailing, initialOffset, onOffset, containerRef, onKeyDown }: Props) {
  const mt = useMartyrsT();
  const labels = useMartyrLabels();
  const { pages } = list;
  const rowCount = pages.rowCount;

  const header = (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: COLUMNS,
        alignItems: 'center',
        height: '100%',
        bgcolor: '#f8f9fa',
        borderBottom: 1,
        borderColor: 'divider',
        fontWeight: 600,
        fontSize: '0.8125rem',
        color: 'text.secondary',
      }}
    >
      {(['name', 'gender', 'birth', 'death', 'nativePlace', 'unit', 'period', 'certificateNo', 'status'] as const).map((c) => (
        <Box key={c} role="columnheader" sx={cell}>
          {mt(`list.columns.${c}`)}
        </Box>
      ))}
    </Box>
  );

  const renderRow = (index: number) => {
    const row = pages.row(index);
    if (!row) {
      return (
        <Box sx={{ display: 'flex', alignItems: 'center', height: '100%', px: 1, borderBottom: 1, borderColor: 'divider' }} role="row">
          <Skeleton variant="text" width="60%" />
        </Box>
      );
    }
    const selected = index === selectedIndex;
    return (
      <Box
        role="row"
        aria-selected={selected}
        data-testid={`martyr-row-${row.id}`}
        data-index={index}
        onMouseDown={() => onSelect(index)}
        onClick={() => onOpen(row, index)}
        sx={{
          display: 'grid',
          gridTemplateColumns: COLUMNS,
          alignItems: 'center',
          height: '100%',
          cursor: 'pointer',
          borderBottom: 1,
          borderColor: 'divider',
          fontSize: '0.875rem',
          bgcolor: (theme) => (selected ? alpha(theme.palette.primary.main, 0.08) : 'transparent'),
          boxShadow: (theme) => (selected ? `inset 3px 0 0 ${theme.palette.primary.main}` : 'none'),
          '&:hover': { bgcolor: (theme) => alpha(theme.palette.primary.main, selected ? 0.1 : 0.04) },
        }}
      >
        <Box role="gridcell" sx={{ ...cell, fontWeight: 600, fontSize: '0.9375rem' }}>
          {row.name}
          {row.unnamed ? (
            <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
              ({mt('list.unnamed')})
            </Typography>
          ) : null}
        </Box>
        <Box role="gridcell" sx={cell}>
          {row.gender === 'unknown' ? '' : labels.gender(row.gender)}
        </Box>
        <Box role="gridcell" sx={cell} title={row.birth}>
          {row.birth}
        </Box>
        <Box role="gridcell" sx={cell} title={row.death}>
          {row.death}
        </Box>
        <Box role="gridcell" sx={cell} title={row.nativePlace}>
          {row.nativePlace}
        </Box>
        <Box role="gridcell" sx={cell} title={row.unitAndPost}>
          {row.unitAndPost}
        </Box>
        <Box role="gridcell" sx={{ ...cell, color: 'text.secondary', fontSize: '0.8125rem' }} title={labels.period(row.period)}>
          {labels.period(row.period)}
        </Box>
        <Box role="gridcell" sx={{ ...cell, fontFamily: 'ui-monospace, Consolas, monospace', fontSize: '0.8125rem' }}>
          {row.certificateNo}
        </Box>
        <Box role="gridcell" sx={cell}>
          {trailing ? trailing(row) : <StatusChip status={row.status} />}
        </Box>
      </Box>
    );
  };

  return (
    <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', position: 'relative' }}>
      <VirtualRows
        rowCount={rowCount}
        renderRow={renderRow}
        selectedIndex={selectedIndex}
        revealKey={revealKey}
        onRange={list.ensure}
        header={header}
        testId={testId}
        label={label}
        version={list.version}
        minWidth={MIN_WIDTH}
        initialOffset={initialOffset}
        onOffset={onOffset}
        containerRef={containerRef}
        onKeyDown={onKeyDown}
      />
      {pages.started && rowCount === 0 ? (
        <Typography color="text.secondary" sx={{ position: 'absolute', top: 56, left: 0, right: 0, textAlign: 'center', pointerEvents: 'none' }} data-testid={`${testId}-empty`}>
          {emptyText}
        </Typography>
      ) : null}
    </Box>
  );
}
