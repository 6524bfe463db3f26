import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import SignaturePad from 'signature_pad';

export interface SignatureHandle {
  clear(): void;
  isEmpty(): boolean;
  /** The drawing as a PNG data URL, at most `maxLength` characters (scaled down if needed). */
  toPng(maxLength: number): string;
}

interface Props {
  ref?: Ref<SignatureHandle>;
  label: string;
  describedBy?: string;
  onEmptyChange(empty: boolean): void;
}

/** Backing store resolution: sharp on retina phones, but no more than 2x to keep the PNG small. */
const ratio = () => Math.min(Math.max(window.devicePixelRatio || 1, 1), 2);

function scaledPng(source: HTMLCanvasElement, factor: number): string {
  const c = document.createElement('canvas');
  c.width = Math.max(1, Math.round(source.width * factor));
  c.height = Math.max(1, Math.round(source.height * factor));
  c.getContext('2d')?.drawImage(source, 0, 0, c.width, c.height);
  return c.toDataURL('image/png');
}

/**
 * A hand-writing surface (signature_pad: mouse, pen and touch through pointer events; the canvas
 * sets touch-action: none so a finger draws instead of scrolling the page).
 */
export function SignatureCanvas({ ref, label, describedBy, onEmptyChange }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const onEmpty = useRef(onEmptyChange);
  onEmpty.current = onEmptyChange;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const pad = new SignaturePad(canvas, { penColor: '#141414', minWidth: 1, maxWidth: 3 });
    padRef.current = pad;
    pad.addEventListener('endStroke', () => onEmpty.current(pad.isEmpty()));
    let width = 0;
    // Match the backing store to the displayed size; redraw the strokes (kept in CSS pixels) after a resize.
    const fit = () => {
      if (canvas.offsetWidth === 0 || canvas.offsetWidth === width) return;
      width = canvas.offsetWidth;
      const data = pad.toData();
      const r = ratio();
      canvas.width = canvas.offsetWidth * r;
      canvas.height = canvas.offsetHeight * r;
      canvas.getContext('2d')?.scale(r, r);
      pad.clear();
      pad.fromData(data);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    return () => {
      observer.disconnect();
      pad.off();
      padRef.current = null;
    };
  }, []);

  useImperativeHandle(ref, () => ({
    clear() {
      padRef.current?.clear();
      onEmpty.current(true);
    },
    isEmpty: () => padRef.current?.isEmpty() ?? true,
    toPng(maxLength) {
      const canvas = canvasRef.current;
      if (!canvas || !padRef.current) return '';
      let png = padRef.current.toDataURL('image/png');
      for (let factor = 0.7; png.length > maxLength && factor > 0.1; factor *= 0.7) png = scaledPng(canvas, factor);
      return png;
    },
  }));

  return (
    <canvas
      ref={canvasRef}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      data-testid="signature-canvas"
      className="signature-canvas"
    />
  );
}
