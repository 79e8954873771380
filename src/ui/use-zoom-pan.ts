/**
 * Zoom (wheel, pinch, keys) and pan (drag) for the compare view. Scale runs from fit-size
 * down to 10 % and up to 3200 %; zoom keeps the point under the cursor in place.
 */
import {
  useCallback,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
} from 'react';

export const MIN_SCALE = 0.1;
export const MAX_SCALE = 32;
const PAN_STEP = 40;

export interface View {
  scale: number;
  x: number;
  y: number;
}

const clampScale = (scale: number) => Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));

/** The view after zooming by `factor` around the point (px, py) of the viewport. */
export function zoomAround(view: View, factor: number, px: number, py: number): View {
  const scale = clampScale(view.scale * factor);
  const ratio = scale / view.scale;
  return { scale, x: px - (px - view.x) * ratio, y: py - (py - view.y) * ratio };
}

export function useZoomPan(viewport: RefObject<HTMLElement | null>) {
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0 });
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const pinchDistance = useRef<number | undefined>(undefined);

  const local = useCallback(
    (clientX: number, clientY: number) => {
      const rect = viewport.current?.getBoundingClientRect();
      return { x: clientX - (rect?.left ?? 0), y: clientY - (rect?.top ?? 0) };
    },
    [viewport],
  );

  const onWheel = useCallback(
    (event: WheelEvent) => {
      event.preventDefault();
      const point = local(event.clientX, event.clientY);
      setView((current) => zoomAround(current, Math.exp(-event.deltaY * 0.002), point.x, point.y));
    },
    [local],
  );

  const zoomBy = useCallback(
    (factor: number) => {
      const rect = viewport.current?.getBoundingClientRect();
      setView((current) =>
        zoomAround(current, factor, (rect?.width ?? 0) / 2, (rect?.height ?? 0) / 2),
      );
    },
    [viewport],
  );

  const reset = useCallback(() => setView({ scale: 1, x: 0, y: 0 }), []);

  const pointerHandlers = {
    onPointerDown(event: PointerEvent<HTMLElement>) {
      if ((event.target as HTMLElement).closest('[data-no-pan]')) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
    },
    onPointerMove(event: PointerEvent<HTMLElement>) {
      const previous = pointers.current.get(event.pointerId);
      if (!previous) return;
      pointers.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pointers.current.size === 2) {
        const [a, b] = [...pointers.current.values()];
        const distance = Math.hypot(a.x - b.x, a.y - b.y);
        const centre = local((a.x + b.x) / 2, (a.y + b.y) / 2);
        // The factor is taken now: React may run the updater after the next move has landed.
        const factor = pinchDistance.current ? distance / pinchDistance.current : 1;
        pinchDistance.current = distance;
        setView((current) => zoomAround(current, factor, centre.x, centre.y));
        return;
      }
      const dx = event.clientX - previous.x;
      const dy = event.clientY - previous.y;
      setView((current) => ({ ...current, x: current.x + dx, y: current.y + dy }));
    },
    onPointerUp(event: PointerEvent<HTMLElement>) {
      pointers.current.delete(event.pointerId);
      pinchDistance.current = undefined;
    },
  };

  /** Keys on the focused viewport: + and − zoom, 0 fits, arrows pan. */
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const pan: Record<string, [number, number]> = {
      ArrowLeft: [PAN_STEP, 0],
      ArrowRight: [-PAN_STEP, 0],
      ArrowUp: [0, PAN_STEP],
      ArrowDown: [0, -PAN_STEP],
    };
    if (event.target !== event.currentTarget) return;
    if (event.key === '+' || event.key === '=') zoomBy(1.5);
    else if (event.key === '-') zoomBy(1 / 1.5);
    else if (event.key === '0') reset();
    else if (pan[event.key]) {
      const [dx, dy] = pan[event.key];
      setView((current) => ({ ...current, x: current.x + dx, y: current.y + dy }));
    } else return;
    event.preventDefault();
  };

  return { view, onWheel, zoomBy, reset, pointerHandlers, onKeyDown };
}
