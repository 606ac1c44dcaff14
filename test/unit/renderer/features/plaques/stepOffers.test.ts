import { describe, expect, it } from 'vitest';
import { stepOffers } from '../../../../../renderer/src/features/plaques/stepOffers';

const living = { qualifyingPersonDeceased: false };
const dead = { qualifyingPersonDeceased: true };

describe('the steps the household panel offers, and why not', () => {
  it('offers what the status allows to an editor', () => {
    expect(stepOffers({ status: 'hung', ...living }, 'clerk')).toEqual({ offered: ['reissue', 'replace', 'takeBack', 'cancel'], byRole: [], deceased: false });
    expect(stepOffers({ status: 'made', ...living }, 'clerk').offered).toEqual(['issue', 'cancel']);
  });

  it('after the qualifying person died: no reissue or replace, said once, the other steps still offered', () => {
    const hung = stepOffers({ status: 'hung', ...dead }, 'clerk');
    expect(hung).toEqual({ offered: ['takeBack', 'cancel'], byRole: [], deceased: true });
    expect(stepOffers({ status: 'issued', ...dead }, 'admin')).toMatchObject({ offered: ['hang', 'takeBack', 'cancel'], deceased: true });
    // A cancelled plaque is not in use: nothing to say about replacing it.
    expect(stepOffers({ status: 'cancelled', ...dead }, 'admin')).toMatchObject({ offered: ['restore'], deceased: false });
  });

  it('restore only to the roles the contract lets restore; a clerk is told who may', () => {
    expect(stepOffers({ status: 'taken_back', ...living }, 'reviewer').offered).toEqual(['cancel', 'restore']);
    expect(stepOffers({ status: 'taken_back', ...living }, 'clerk')).toEqual({ offered: ['cancel'], byRole: [{ steps: ['restore'], roles: ['admin', 'reviewer'] }], deceased: false });
    expect(stepOffers({ status: 'cancelled', ...living }, 'clerk')).toMatchObject({ offered: [], byRole: [{ steps: ['restore'], roles: ['admin', 'reviewer'] }] });
  });

  it('a read-only user is offered nothing and told, grouped by the roles that may', () => {
    expect(stepOffers({ status: 'taken_back', ...living }, 'readonly')).toEqual({
      offered: [],
      byRole: [
        { steps: ['cancel'], roles: ['admin', 'reviewer', 'clerk'] },
        { steps: ['restore'], roles: ['admin', 'reviewer'] },
      ],
      deceased: false,
    });
  });

  it('a superseded plaque takes no step and says nothing', () => {
    expect(stepOffers({ status: 'superseded', ...dead }, 'admin')).toEqual({ offered: [], byRole: [], deceased: false });
  });
});
