/**
 * 套打 printer profiles: the offset and scale a template is printed with on one printer, from the
 * office settings (admin-editable, validated in shared/contract: |x|, |y| ≤ 30 mm, scale 0.9–1.1).
 */
import { CoreError } from '../errors';
import type { FormTemplate, Settings } from '../../../shared/contract';
import { NO_OFFSET, type FormOffset } from './layout/page';

const TEMPLATE_NAMES: Record<FormTemplate, string> = { letter: '喜报', slip: '光荣牌发放回执' };

/** The offset of `profile` for `template`; null profile: as designed. Unknown: a VALIDATION error. */
export function profileOffset(settings: Settings, template: FormTemplate, profile: string | null | undefined): FormOffset {
  if (!profile) return NO_OFFSET;
  // Own profiles only: 'constructor', 'toString' or '__proto__' must not find Object.prototype's.
  const profiles = settings.printerProfiles[template];
  const found = Object.hasOwn(profiles, profile) ? profiles[profile] : undefined;
  if (!found) {
    throw new CoreError('VALIDATION', {
      zh: `没有“${TEMPLATE_NAMES[template]}”的打印机配置“${profile}”。请管理员在“系统管理 → 单位设置 → 套打”中添加。`,
      en: `There is no printer profile "${profile}" for the ${template} template. An administrator adds it under Administration → Office settings.`,
    });
  }
  return found;
}

/** The offset as printed on a calibration page: 右 1.5 mm，下 -0.5 mm，缩放 100%. */
export function offsetText(offset: FormOffset): string {
  return `向右 ${offset.x} mm，向下 ${offset.y} mm，缩放 ${Math.round(offset.scale * 1000) / 10}%`;
}

export function templateName(template: FormTemplate): string {
  return TEMPLATE_NAMES[template];
}
