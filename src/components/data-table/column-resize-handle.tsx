import { useState, type KeyboardEvent, type PointerEvent } from 'react';
import classes from './data-table.module.css';

export const MIN_COLUMN_WIDTH = 40;
export const MAX_COLUMN_WIDTH = 1200;
const KEY_STEP = 10;
const KEY_STEP_LARGE = 50;

const clamp = (width: number) =>
  Math.round(Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, width)));

interface ColumnResizeHandleProps {
  label: string;
  /** The width the user set (px of content), or undefined while the column fits its content. */
  width: number | undefined;
  /** `undefined`: back to fitting the content. */
  onChange: (width: number | undefined) => void;
}

/** The content width of the header cell the handle sits in, as laid out now. */
function renderedWidth(handle: HTMLElement): number {
  const cell = handle.closest('th');
  if (!cell) return MIN_COLUMN_WIDTH;
  const style = getComputedStyle(cell);
  const padding = (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
  return cell.clientWidth - padding;
}

/**
 * The right edge of a column header: drag it (mouse, pen or touch), or focus it and press the
 * arrow keys (Shift for larger steps); a double click or Delete lets the column fit its content
 * again. A focusable `separator` with a value, as WAI-ARIA describes a splitter.
 *
 * Not TanStack Table's resizing feature: it gives every column a numeric size from the start (150
 * by default), while these columns fit their content until someone sets a width, and it offers
 * no keyboard control.
 */
export function ColumnResizeHandle({ label, width, onChange }: ColumnResizeHandleProps) {
  const current = (element: HTMLElement) => width ?? renderedWidth(element);
  // A focusable separator must have a value: while the column fits its content, the width it
  // has on screen, read when the handle gets the focus (the value text says "Fits content").
  const [measured, setMeasured] = useState<number>();

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    const startX = event.clientX;
    const startWidth = current(handle);
    handle.setPointerCapture(event.pointerId);
    const move = (moveEvent: globalThis.PointerEvent) => {
      onChange(clamp(startWidth + moveEvent.clientX - startX));
    };
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('pointercancel', end);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('pointercancel', end);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? KEY_STEP_LARGE : KEY_STEP;
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      const delta = event.key === 'ArrowRight' ? step : -step;
      onChange(clamp(current(event.currentTarget) + delta));
    } else if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      onChange(undefined);
    }
  };

  return (
    <div
      role="separator"
      aria-orientation="vertical"
      aria-label={`Resize column ${label}`}
      aria-valuemin={MIN_COLUMN_WIDTH}
      aria-valuemax={MAX_COLUMN_WIDTH}
      aria-valuenow={width ?? measured ?? MIN_COLUMN_WIDTH}
      aria-valuetext={width === undefined ? 'Fits content' : `${String(width)} pixels`}
      tabIndex={0}
      className={classes.resizeHandle}
      onFocus={(event) => {
        if (width === undefined) setMeasured(clamp(renderedWidth(event.currentTarget)));
      }}
      onPointerDown={onPointerDown}
      onDoubleClick={() => onChange(undefined)}
      onKeyDown={onKeyDown}
    />
  );
}
