/**
 * People: register, correct, relate. ID numbers are checked (GB 11643); what a role may see of a
 * living person's ID number, phone and address follows shared/rules/privacy.
 */
import { defineHandlers, type HandlerContext } from '../context';
import { CoreError, notFound } from '../errors';
import { divisionExists } from '../db/divisions';
import { addRelation, findPersonByIdNumber, getPerson, insertLivingPerson, listRelations, removeRelation, searchPeople, updateLivingPerson, type PersonStored, type PersonWrite } from '../db/people';
import { parseIdNumber } from '../../../shared/rules/idNumber';
import { personalInfoFor } from '../../../shared/rules/privacy';
import { personFieldsSchema, type Person } from '../../../shared/contract/people';

const missing = () => notFound({ zh: '该人员', en: 'The person' });

function shown(ctx: HandlerContext, p: PersonStored) {
  const info = personalInfoFor({ idNumber: p.idNumber, phone: p.phone, addressText: p.addressText }, ctx.user?.role, p.deceased);
  return { idNumber: info.idNumber ?? '', phone: info.phone, addressText: info.addressText, masked: info.masked };
}

export function loadPerson(ctx: HandlerContext, id: number): Person {
  const p = getPerson(ctx.db, id);
  if (!p) throw missing();
  return { ...p, ...shown(ctx, p), relations: listRelations(ctx.db, id) };
}

/** Checks the fields and turns them into columns; the ID number stored in its normalized form. */
function prepare(ctx: HandlerContext, f: ReturnType<typeof personFieldsSchema.parse>, selfId: number | null): PersonWrite {
  let idNumber: string | null = null;
  if (f.idNumber !== '') {
    const parsed = parseIdNumber(f.idNumber, { today: ctx.now().slice(0, 10) });
    if (!parsed.valid) throw new CoreError('VALIDATION', { zh: `身份证号码有误：${parsed.reason.zh}`, en: `The ID number is not valid: ${parsed.reason.en}` }, [{ path: 'idNumber', message: parsed.reason }]);
    idNumber = parsed.normalized;
    const other = findPersonByIdNumber(ctx.db, idNumber);
    if (other !== undefined && other !== selfId) throw new CoreError('CONFLICT', { zh: '已有人员登记了这个身份证号码。', en: 'Another person is registered with this ID number.' });
  }
  if (f.addressCode && !divisionExists(ctx.db, f.addressCode)) throw new CoreError('VALIDATION', { zh: '所选区划不存在。', en: 'The chosen division does not exist.' });
  return { name: f.name, gender: f.gender, ethnicity: f.ethnicity, idNumber, birthDate: f.birthDate, phone: f.phone, addressText: f.addressText, addressCode: f.addressCode, deceased: f.deceased || f.deathDate !== '', deathDate: f.deathDate, remarks: f.remarks };
}

export const peopleHandlers = defineHandlers({
  'people.search': (input, ctx) => {
    const rows = searchPeople(ctx.db, { query: input.query, limit: input.limit + 1, afterId: input.afterId ?? null });
    const page = rows.slice(0, input.limit);
    return {
      rows: page.map((p) => ({ id: p.id, name: p.name, gender: p.gender, birthDate: p.birthDate, addressDivision: p.addressDivision, deceased: p.deceased, martyrId: p.martyrId, householdId: p.householdId, ...shown(ctx, p) })).map(({ phone: _p, addressText: _a, ...r }) => r),
      nextAfterId: rows.length > input.limit ? page[page.length - 1]!.id : null,
    };
  },

  'people.get': (input, ctx) => loadPerson(ctx, input.id),

  'people.create': (input, ctx) => {
    const columns = prepare(ctx, input, null);
    const id = ctx.write((audit) => {
      const newId = insertLivingPerson(ctx.db, columns, ctx.now());
      // The audit row keeps no ID number or phone in clear: only whether they were given.
      audit({ entity: 'person', entityId: newId, action: 'create', after: { name: columns.name, idNumber: columns.idNumber ? 'set' : null, phone: columns.phone ? 'set' : null, addressCode: columns.addressCode, deceased: columns.deceased } });
      return newId;
    });
    return loadPerson(ctx, id);
  },

  'people.update': (input, ctx) => {
    const current = getPerson(ctx.db, input.id);
    if (!current) throw missing();
    const merged = personFieldsSchema.parse({
      name: current.name,
      gender: current.gender,
      ethnicity: current.ethnicity,
      idNumber: current.idNumber ?? '',
      birthDate: current.birthDate,
      phone: current.phone,
      addressText: current.addressText,
      addressCode: current.addressCode,
      deceased: current.deceased && current.martyrId === null ? true : current.deceased,
      deathDate: current.deathDate,
      remarks: current.remarks,
      ...input.fields,
    });
    const columns = prepare(ctx, merged, current.id);
    ctx.write((audit) => {
      updateLivingPerson(ctx.db, current.id, columns, ctx.now());
      const changed = Object.keys(input.fields);
      audit({ entity: 'person', entityId: current.id, action: 'update', after: { fields: changed, deceased: columns.deceased, deathDate: columns.deathDate } });
    });
    return loadPerson(ctx, current.id);
  },

  'people.relate': (input, ctx) => {
    if (input.personId === input.relatedPersonId) throw new CoreError('VALIDATION', { zh: '不能与本人建立关系。', en: 'A person cannot be related to themselves.' });
    if (!getPerson(ctx.db, input.personId) || !getPerson(ctx.db, input.relatedPersonId)) throw missing();
    ctx.write((audit) => {
      addRelation(ctx.db, input.personId, input.relatedPersonId, input.relation, input.note);
      audit({ entity: 'person', entityId: input.personId, action: 'relate', after: { relatedPersonId: input.relatedPersonId, relation: input.relation } });
    });
    return loadPerson(ctx, input.personId);
  },

  'people.unrelate': (input, ctx) => {
    if (!getPerson(ctx.db, input.personId)) throw missing();
    ctx.write((audit) => {
      const removed = removeRelation(ctx.db, input.personId, input.relatedPersonId, input.relation);
      audit({ entity: 'person', entityId: input.personId, action: 'unrelate', after: { relatedPersonId: input.relatedPersonId, relation: input.relation, removed } });
    });
    return loadPerson(ctx, input.personId);
  },
});
