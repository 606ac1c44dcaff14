/**
 * Pure domain rules shared by the backend and the renderer (see README.md).
 * Importing this index loads pinyin-pro, edtf and cnchar-order's data; a caller that needs one
 * rule only can import its module directly ('shared/rules/idNumber').
 */
export * from './divisionCode';
export * from './idNumber';
export * from './partialDate';
export * from './personName';
export * from './pinyin';
export * from './strokeOrder';
export * from './workingDays';
export * from './letterState';
export { codePoints, daysInMonth, isLeapYear, isRealDate, isoDate, parseIsoDate, toHalfWidth } from './helpers';
