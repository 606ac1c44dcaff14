import { describe, expect, it } from 'vitest';
import { ledgerFilterFromHash, ledgerPath, ledgerViewOf, letterStatusFromHash, lettersPath, rollFilterFromHash, rollPath } from '../../../../renderer/src/lib/listLinks';

describe('the addresses behind the dashboard’s bars', () => {
  it('round-trips the ledger’s division and view, ignoring what is not one', () => {
    expect(ledgerPath({ divisionCode: '371621101001', view: 'hung' })).toBe('/plaques?division=371621101001&view=hung');
    expect(ledgerFilterFromHash('#/plaques?division=371621101001&view=hung')).toEqual({ divisionCode: '371621101001', view: 'hung' });
    expect(ledgerFilterFromHash('#/plaques?division=12&view=drop')).toEqual({ divisionCode: null, view: 'all' });
    expect(ledgerPath({ view: 'all' })).toBe('/plaques');
    expect(ledgerViewOf('superseded')).toBe('all');
  });
  it('round-trips the letters’ status and due filter, and the roll’s status and period', () => {
    expect(lettersPath({ status: 'verified' })).toBe('/honors/letters?status=verified');
    expect(lettersPath({ due: 'overdue' })).toBe('/honors/letters?due=overdue');
    expect(letterStatusFromHash('#/honors/letters?status=verified')).toBe('verified');
    expect(letterStatusFromHash('#/honors/letters?status=x')).toBeNull();
    expect(rollPath({ status: 'draft', period: 'liberation' })).toBe('/martyrs?status=draft&period=liberation');
    expect(rollFilterFromHash('#/martyrs?status=draft&period=liberation')).toEqual({ status: 'draft', period: 'liberation' });
    expect(rollFilterFromHash('#/martyrs?period=nope')).toEqual({ status: null, period: null });
  });
});
