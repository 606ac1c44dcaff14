/** The award form's state and its translation to the contract's input. */
import type { Award, AwardFieldsInput } from '../../../../../shared/contract';

export interface AwardFormState {
  kind: 'person' | 'unit';
  name: string;
  gender: 'male' | 'female' | 'unknown';
  idNumber: string;
  unitType: string;
  classId: string;
  authority: string;
  orderNo: string;
  awardDate: string | undefined;
  citation: string;
  soldierUnit: string;
  enlistedOn: string | undefined;
  remarks: string;
}

export const emptyAwardForm: AwardFormState = {
  kind: 'person',
  name: '',
  gender: 'male',
  idNumber: '',
  unitType: '',
  classId: '',
  authority: '',
  orderNo: '',
  awardDate: undefined,
  citation: '',
  soldierUnit: '',
  enlistedOn: undefined,
  remarks: '',
};

export function formOf(a: Award): AwardFormState {
  return {
    kind: a.recipient.kind,
    name: a.recipient.name,
    gender: a.recipient.gender,
    idNumber: a.recipient.idNumber,
    unitType: a.recipient.unitType,
    classId: String(a.classId),
    authority: a.authority,
    orderNo: a.orderNo,
    awardDate: a.awardDate ?? undefined,
    citation: a.citation,
    soldierUnit: a.soldierUnit,
    enlistedOn: a.enlistedOn ?? undefined,
    remarks: a.remarks,
  };
}

export function fieldsOf(f: AwardFormState, divisionCode: string | null): AwardFieldsInput {
  return {
    recipient: f.kind === 'person' ? { kind: 'person', name: f.name, gender: f.gender, idNumber: f.idNumber } : { kind: 'unit', name: f.name, unitType: f.unitType, divisionCode },
    classId: Number(f.classId),
    authority: f.authority,
    orderNo: f.orderNo,
    awardDate: f.awardDate ?? null,
    citation: f.citation,
    soldierUnit: f.soldierUnit,
    enlistedOn: f.enlistedOn ?? null,
    remarks: f.remarks,
  };
}
