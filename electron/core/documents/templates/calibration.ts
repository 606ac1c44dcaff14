/**
 * The calibration page for printing on pre-printed forms (套打): a millimetre grid over the whole
 * page, every 10 mm line darker and labelled with its distance from the top-left corner, and
 * crosshairs at known points. Printed through the printer profile's offset and scale (the Layout's
 * FormOffset) and laid over a blank form against the light, it shows how far the printer moves
 * things: the user reads the shift off the grid and corrects the profile until the crosshairs sit
 * where the form's own marks are.
 */
import type { Layout, TextStyle } from '../layout/page';

export interface CalibrationInfo {
  /** The printer profile and template being calibrated, printed in the page's middle. */
  profile: string;
  /** The offset the page was printed with, as the user set it. */
  offsetText: string;
}

/** The points the crosshairs mark, in mm on the designed page. */
export function crosshairPoints(width: number, height: number): { x: number; y: number }[] {
  return [
    { x: 20, y: 20 },
    { x: width - 20, y: 20 },
    { x: 20, y: height - 20 },
    { x: width - 20, y: height - 20 },
    { x: Math.round(width / 20) * 10, y: Math.round(height / 20) * 10 },
  ];
}

/** Draws the calibration page on a new page of `layout` (made with the offset to check, not fieldsOnly). */
export function drawCalibration(layout: Layout, info: CalibrationInfo): void {
  layout.addPage();
  const W = layout.pageWidth;
  const H = layout.pageHeight;
  for (let x = 0; x <= W; x++) {
    const ten = x % 10 === 0;
    layout.line(x, 0, x, H, ten ? 0.2 : x % 5 === 0 ? 0.1 : 0.05, ten ? '#606060' : '#c0c0c0');
  }
  for (let y = 0; y <= H; y++) {
    const ten = y % 10 === 0;
    layout.line(0, y, W, y, ten ? 0.2 : y % 5 === 0 ? 0.1 : 0.05, ten ? '#606060' : '#c0c0c0');
  }
  const tick: TextStyle = { font: 'sans', size: 6, leading: 1 };
  const tickHeight = layout.lineHeight(tick);
  for (let x = 10; x < W; x += 10) {
    layout.text(String(x), { x: x + 0.4, y: 0.6, width: 8 }, tick);
    layout.text(String(x), { x: x + 0.4, y: H - 0.6 - tickHeight, width: 8 }, tick);
  }
  for (let y = 10; y < H; y += 10) {
    layout.text(String(y), { x: 0.6, y: y + 0.3, width: 8 }, tick);
    layout.text(String(y), { x: W - 8.6, y: y + 0.3, width: 8 }, { ...tick, align: 'right' });
  }
  for (const p of crosshairPoints(W, H)) {
    layout.line(p.x - 6, p.y, p.x + 6, p.y, 0.25, '#c00000');
    layout.line(p.x, p.y - 6, p.x, p.y + 6, 0.25, '#c00000');
    layout.rect(p.x - 2, p.y - 2, 4, 4, 0.2, '#c00000');
    layout.text(`(${p.x}, ${p.y})`, { x: p.x + 1.5, y: p.y + 1.5, width: 30 }, { font: 'sans', size: 7, leading: 1.2, color: '#c00000' });
  }
  const note: TextStyle = { font: 'sans', size: 10, leading: 1.5 };
  const box = { x: 40, y: 60, width: W - 80 };
  layout.fillRect(box.x - 3, box.y - 3, box.width + 6, 44, '#ffffff');
  layout.text('套打校准页', { ...box }, { font: 'sans', size: 16, leading: 1.5, align: 'center', tracking: 2 });
  layout.text(
    `打印机与模板：${info.profile}\n当前偏移：${info.offsetText}\n` +
      '将本页与空白套打纸叠放对光，读出红色十字与纸上对应位置的差（毫米，向右、向下为正），填入偏移；两十字间距与设计不符时调整缩放。',
    { x: box.x, y: box.y + 10, width: box.width },
    note,
  );
}
