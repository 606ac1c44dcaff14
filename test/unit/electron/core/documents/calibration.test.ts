import { describe, expect, it } from 'vitest';
import { Layout, type FormOffset } from '../../../../../electron/core/documents/layout/page';
import { crosshairPoints, drawCalibration } from '../../../../../electron/core/documents/templates/calibration';
import { FONTS_DIR, info, pagesText, words } from './pdfTools';

async function page(offset?: FormOffset): Promise<Buffer> {
  const layout = new Layout(FONTS_DIR, { title: '套打校准页', author: '测试', offset });
  drawCalibration(layout, { profile: 'HP LaserJet · 喜报', offsetText: offset ? `右 ${offset.x} mm，下 ${offset.y} mm` : '无' });
  return layout.toBuffer();
}

describe('calibration page', () => {
  it('labels every 10 mm line along the edges and marks the crosshairs', async () => {
    const pdf = await page();
    expect(info(pdf).pages).toBe(1);
    const ws = words(pdf);
    for (let x = 10; x < 210; x += 10) {
      const label = ws.find((w) => w.text === String(x) && w.yMin < 4);
      expect(label, `top label ${x}`).toBeDefined();
      expect(label!.xMin).toBeCloseTo(x + 0.4, 0);
    }
    for (let y = 10; y < 297; y += 10) expect(ws.some((w) => w.text === String(y) && w.xMax < 10 && Math.abs(w.yMin - y) < 2), `left label ${y}`).toBe(true);
    const text = pagesText(pdf)[0]!.replace(/\s+/g, '');
    for (const p of crosshairPoints(210, 297)) expect(text).toContain(`(${p.x},${p.y})`);
    expect(text).toContain('套打校准页');
  });

  it('is printed through the form offset, so the grid shows the shift', async () => {
    const at = (pdf: Buffer, x: number) => words(pdf).find((w) => w.text === String(x) && w.yMin < 6)!;
    const base = at(await page(), 100);
    const moved = at(await page({ x: 3, y: 2, scale: 1 }), 100);
    expect(moved.xMin - base.xMin).toBeCloseTo(3, 0);
    expect(moved.yMin - base.yMin).toBeCloseTo(2, 0);
    const scaled = at(await page({ x: 0, y: 0, scale: 0.98 }), 100);
    expect(scaled.xMin).toBeCloseTo(base.xMin * 0.98, 0);
  });
});
