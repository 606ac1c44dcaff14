import type { Messages } from './messages';
import type { peopleZh } from './people.zh';

/** Person editing, relations and household editing in English: the same keys as `people.zh.ts`. */
export const peopleEn: Messages<typeof peopleZh> = {
  edit: 'Edit person',
  shown: '{{count}} shown',
  more: 'Load more',
  phone: 'Phone',
  addressText: 'Address (street and number)',
  addressCode: 'Division (down to the village)',
  ethnicity: 'Ethnicity',
  deceased: 'Deceased',
  deathDate: 'Date of death',
  remarks: 'Remarks',
  idOk: 'Valid: born {{birth}}, {{sex}}',
  idMasked: 'The number is masked for your role; left as is, the stored number stays.',
  sex: { male: 'male', female: 'female' },
  saved: 'Saved',
  relations: {
    title: 'Relations',
    none: 'No relations recorded.',
    add: 'Add relation',
    person: 'Relative (find by name or ID number)',
    relation: 'The relative is this person’s',
    note: 'Note',
    remove: 'Remove relation',
    to: '{{name}} is this person’s {{relation}}',
    from: 'This person is {{name}}’s {{relation}}',
    kinds: { parent: 'parent', spouse: 'spouse', child: 'child', sibling: 'sibling', guardian: 'guardian', other: 'other' },
  },
  household: {
    edit: 'Edit household',
    addMember: 'Add member',
    removeMember: 'Remove from household',
    member: 'Member (find by name or ID number)',
    relationToHead: 'Relation to the head',
    addQualification: 'Record a qualifying person',
    qualifyingPerson: 'Qualifying person (a member)',
    applicationNo: 'Application number / note',
    removeQualification: 'Remove qualification',
  },
};
