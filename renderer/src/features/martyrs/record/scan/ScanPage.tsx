/**
 * The page as drawn in the viewer: the image turned by `rotation`, and over it, turning with it, the
 * record's region (outlined) — so a region stored on the unrotated page lands on the same words
 * whatever the zoom or rotation. In drawing mode a mouse drag over the page draws a new region
 * (region.ts turns the screen rectangle into fractions of the unrotated page).
 */
import { useRef, useState } from 'react';
import { Box, keyframes } from '@mui/material';
import { regionFromDrag, type Point, type Region, type Rotation } from './region';

const flash = keyframes`
  0% { box-shadow: 0 0 0 0 rgba(198, 40, 40, 0.55); }
  70% { box-shadow: 0 0 0 14px rgba(198, 40, 40, 0); }
  100% { box-shadow: 0 0 0 0 rgba(198, 40, 40, 0); }
`;

interface Props {
  url: string;
  alt: string;
  /** The page's drawn size before rotation (px). */
  width: number;
  height: number;
  rotation: Rotation;
  /** A newer page is on its way: the one shown is faded. */
  stale: boolean;
  region: Region | null;
  /** Changes when the region was just brought into view: it flashes once. */
  flashKey: number;
  drawing: boolean;
  regionLabel: string;
  onDrawn: (region: Region) => void;
}

export function ScanPage({ url, alt, width, height, rotation, stale, region, flashKey, drawing, regionLabel, onDrawn }: Props) {
  const boxRef = useRef<HTMLDivElement | null>(null);
  const [drag, setDrag] = useState<{ start: Point; end: Point } | null>(null);
  const sideways = rotation % 180 !== 0;
  const boxWidth = sideways ? height : width;
  const boxHeight = sideways ? width : height;

  const pointOf = (e: React.PointerEvent): Point => {
    const rect = boxRef.current!.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  };
  const box = () => {
    const rect = boxRef.current?.getBoundingClientRect();
    return { width: rect?.width ?? 0, height: rect?.height ?? 0 };
  };
  // While dragging, the rectangle so far (no minimum size yet).
  const live = drag ? regionFromDrag(drag.start, drag.end, box(), rotation, 0) : null;
  const shown = live ?? region;

  return (
    <Box
      ref={boxRef}
      data-testid="scan-page-box"
      onPointerDown={(e) => {
        if (!drawing || e.button !== 0) return;
        e.stopPropagation();
        e.currentTarget.setPointerCapture(e.pointerId);
        const p = pointOf(e);
        setDrag({ start: p, end: p });
      }}
      onPointerMove={(e) => {
        if (drag) setDrag({ start: drag.start, end: pointOf(e) });
      }}
      onPointerUp={(e) => {
        if (!drag) return;
        const drawn = regionFromDrag(drag.start, pointOf(e), box(), rotation);
        setDrag(null);
        if (drawn) onDrawn(drawn);
      }}
      onPointerCancel={() => setDrag(null)}
      sx={{ position: 'relative', width: boxWidth, height: boxHeight, mx: 'auto', cursor: drawing ? 'crosshair' : undefined, touchAction: drawing ? 'none' : undefined }}
    >
      <Box
        sx={{
          position: 'absolute',
          left: '50%',
          top: '50%',
          width,
          height,
          transform: `translate(-50%, -50%) rotate(${rotation}deg)`,
          boxShadow: '0 1px 4px rgba(0,0,0,0.25)',
          bgcolor: '#fff',
        }}
      >
        <img src={url} alt={alt} draggable={false} data-testid="scan-image" data-stale={stale ? 'true' : 'false'} style={{ display: 'block', width: '100%', height: '100%', opacity: stale ? 0.6 : 1 }} />
        {shown ? (
          <Box
            key={live ? 'live' : `region-${flashKey}`}
            data-testid={live ? 'scan-region-drawing' : 'scan-region'}
            data-region={live ? undefined : `${shown.x},${shown.y},${shown.w},${shown.h}`}
            role="img"
            aria-label={regionLabel}
            sx={{
              position: 'absolute',
              left: `${shown.x * 100}%`,
              top: `${shown.y * 100}%`,
              width: `${shown.w * 100}%`,
              height: `${shown.h * 100}%`,
              border: '2px solid #c62828',
              borderStyle: live ? 'dashed' : 'solid',
              bgcolor: 'rgba(255, 213, 79, 0.18)',
              borderRadius: '2px',
              pointerEvents: 'none',
              animation: live || flashKey === 0 ? undefined : `${flash} 0.9s ease-out 2`,
            }}
          />
        ) : null}
      </Box>
    </Box>
  );
}
