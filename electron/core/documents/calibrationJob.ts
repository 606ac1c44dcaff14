/**
 * The job `documents.calibration`: the 套打 calibration page (templates/calibration.ts) printed
 * through a printer profile's offset and scale, registered like every document (JZ serials), so
 * the user can lay it over a blank form and correct the profile.
 */
import { join } from 'node:path';
import type { JobContext } from '../jobs/context';
import { nextSerial } from '../db/issuedDocuments';
import { SettingsStore } from '../settings';
import type { FormTemplate } from '../../../shared/contract';
import { Layout } from './layout/page';
import { drawCalibration } from './templates/calibration';
import { SLIP_PAGE } from './templates/plaqueLedger';
import { offsetText, profileOffset, templateName } from './printerProfiles';
import { registerDocument } from './register';

export interface CalibrationJobInput {
  template: FormTemplate;
  profile: string | null;
}

export interface CalibrationJobResult {
  documentId: number;
  serial: string;
  pages: number;
}

export async function printCalibrationJob(ctx: JobContext, input: CalibrationJobInput): Promise<CalibrationJobResult> {
  if (!ctx.resourcesDir) throw new Error('the core was started without its resources folder: documents cannot be printed');
  const settings = new SettingsStore(ctx.db).get();
  const offset = profileOffset(settings, input.template, input.profile);
  ctx.progress(0, 1, 'drawing');
  const serial = nextSerial(ctx.db, `JZ${new Date(ctx.now()).getFullYear()}`);
  const label = `${templateName(input.template)} · ${input.profile ?? '未设偏移'}`;
  // On the template's own paper: the slip's calibration page is laid over a slip (A5 landscape).
  const size = input.template === 'slip' ? SLIP_PAGE : undefined;
  const layout = new Layout(join(ctx.resourcesDir, 'fonts'), { title: `套打校准页 ${label}`, author: settings.issuingAuthority || settings.officeName || 'Guangrong', offset, ...(size ? { size } : {}) });
  drawCalibration(layout, { profile: `${label}（编号 ${serial}）`, offsetText: offsetText(offset) });
  const bytes = await layout.toBuffer();
  ctx.throwIfCancelled();
  const documentId = registerDocument(ctx, bytes, {
    serial,
    kind: 'calibration',
    title: `套打校准页（${label}）`,
    subject: { template: input.template, profile: input.profile, offset },
    records: 0,
    names: label,
    pages: layout.pageCount,
  });
  ctx.progress(1, 1, 'saving');
  return { documentId, serial, pages: layout.pageCount };
}
