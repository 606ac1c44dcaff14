/**
 * ↑ ↓ PageUp PageDown Home End to choose a row and Enter to open it, for the simpler lists (review
 * queue, recycle bin), while the focus is on the list or nowhere in particular.
 */
import { useState, type RefObject } from 'react';
import type { MartyrRow } from '../../../../../shared/contract';
import { useShortcuts } from '../keyboard';
import { ROW_HEIGHT } from './VirtualRows';
import type { KeysetList } from './useKeysetList';

export function useListKeys(list: KeysetList<MartyrRow>, listRef: RefObject<HTMLDivElement | null>, onOpen: (row: MartyrRow, index: number) => void) {
  const [selected, setSelected] = useState(0);
  const [reveal, setReveal] = useState(0);
  const known = list.pages.rowCount;
  const move = (to: number) => {
    if (known === 0) return;
    const next = Math.max(0, Math.min(known - 1, to));
    setSelected(next);
    setReveal((r) => r + 1);
    list.ensure(next, next + 1);
  };
  useShortcuts((event) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (target !== listRef.current && target !== document.body) return;
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 2);
    switch (event.key) {
      case 'ArrowDown':
        move(selected + 1);
        break;
      case 'ArrowUp':
        move(selected - 1);
        break;
      case 'PageDown':
        move(selected + page);
        break;
      case 'PageUp':
        move(selected - page);
        break;
      case 'Home':
        move(0);
        break;
      case 'End':
        move(known - 1);
        break;
      case 'Enter': {
        const row = list.pages.row(selected);
        if (row) onOpen(row, selected);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  });
  return { selected, setSelected, reveal };
}
