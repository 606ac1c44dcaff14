import { afterEach, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../../shared/rules/idNumber';
import { maskAddress, maskPhone } from '../../../shared/rules/privacy';
import { classId, honorsCore, LI, type Honors } from './support';

/** DESIGN.md §2.4: letters and awards show the family's address and phone and the recipient's ID as people do. */
let h: Honors | undefined;
afterEach(async () => {
  await h?.dispose();
  h = undefined;
});

const family = { familyName: '李建国', familyRelation: '父亲', familyAddress: '山东省惠民县胡集镇李家村 12 号', familyPhone: '13812345678' };

async function letterOf(h: Honors) {
  const award = await h.ok('awards.create', { recipient: LI, classId: await classId(h, '二等功'), orderNo: '东战政〔2026〕12号', awardDate: '2026-11-01' }, h.clerk);
  const letter = await h.ok('letters.create', { awardId: award.id, receivedOn: '2026-11-23', ...family }, h.clerk);
  return { award, letter };
}

describe('personal information on letters and awards', () => {
  it('clerk and read-only see the family address, phone and recipient ID masked; admin and reviewer see them whole', async () => {
    h = await honorsCore();
    const { award, letter } = await letterOf(h);
    const masked = { address: maskAddress(family.familyAddress), phone: maskPhone(family.familyPhone), id: maskIdNumber(LI.idNumber) };
    expect(masked.address).not.toBe(family.familyAddress);
    // The clerk who registered it gets the masked values back at once, too.
    expect(letter).toMatchObject({ familyAddress: masked.address, familyPhone: masked.phone });

    for (const [session, whole] of [[h.clerk, false], [h.readonly, false], [h.admin, true], [h.reviewer, true]] as const) {
      const address = whole ? family.familyAddress : masked.address;
      const got = await h.ok('letters.get', { id: letter.id }, session);
      expect(got).toMatchObject({ familyAddress: address, familyPhone: whole ? family.familyPhone : masked.phone });
      const list = await h.ok('letters.list', {}, session);
      expect(list.rows[0]!.familyAddress).toBe(address);
      const due = await h.ok('letters.due', {}, session);
      for (const r of [...due.overdue, ...due.dueSoon]) expect(r.familyAddress).toBe(address);
      const a = await h.ok('awards.get', { id: award.id }, session);
      expect(a.recipient.idNumber).toBe(whole ? LI.idNumber : masked.id);
      expect(a.letter!.familyAddress).toBe(address);
    }

    // A second letter refused: the message names the address as the role may see it.
    const dup = await h.core.call('letters.create', { awardId: award.id, receivedOn: '2026-11-23', ...family }, h.clerk);
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    if (!dup.ok) expect(dup.error.message.zh).not.toContain(family.familyAddress);
  });

  it('a clerk saving the award with the masked ID left as shown keeps the stored number; a new number keyed in is taken', async () => {
    h = await honorsCore();
    const { award } = await letterOf(h);
    const shown = await h.ok('awards.get', { id: award.id }, h.clerk);
    expect(shown.recipient.idNumber).toBe(maskIdNumber(LI.idNumber));
    const fields = { recipient: { kind: 'person' as const, name: shown.recipient.name, gender: shown.recipient.gender, idNumber: shown.recipient.idNumber }, classId: shown.classId, orderNo: shown.orderNo, awardDate: shown.awardDate, remarks: '改了备注' };
    const saved = await h.ok('awards.update', { id: award.id, expectedVersion: shown.version, fields }, h.clerk);
    expect(saved.remarks).toBe('改了备注');
    expect(saved.recipient.idNumber).toBe(maskIdNumber(LI.idNumber));
    expect((await h.ok('awards.get', { id: award.id }, h.admin)).recipient.idNumber).toBe(LI.idNumber);
    const person = await h.ok('people.get', { id: saved.recipient.personId! }, h.admin);
    expect(person.idNumber).toBe(LI.idNumber);

    // The letter's stored address and phone are untouched by the clerk's masked view.
    const letter = await h.ok('letters.get', { id: saved.letter!.id }, h.reviewer);
    expect(letter).toMatchObject({ familyAddress: family.familyAddress, familyPhone: family.familyPhone });
    await h.ok('letters.register', { id: letter.id }, h.clerk);
    expect(await h.ok('letters.get', { id: letter.id }, h.admin)).toMatchObject({ familyAddress: family.familyAddress, familyPhone: family.familyPhone });

    // A number the clerk keys in (not the masked one) replaces it.
    const other = '110105194912310011';
    const again = await h.ok('awards.get', { id: award.id }, h.clerk);
    await h.ok('awards.update', { id: award.id, expectedVersion: again.version, fields: { ...fields, recipient: { ...fields.recipient, idNumber: other } } }, h.clerk);
    expect((await h.ok('awards.get', { id: award.id }, h.admin)).recipient.idNumber).toBe(other);
  });
});
