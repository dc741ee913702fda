import type { Input, WebContents } from 'electron';

/** With Ctrl (or Cmd): close, reload, quit, minimise, print, open, save, new window. */
const CTRL_KEYS = new Set(['w', 'r', 'q', 'm', 'p', 'o', 's', 'n']);
/** With Ctrl: zoom in, out and reset. Chromium keeps the zoom per origin, so one press would stick. */
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);
const FUNCTION_KEYS = new Set(['f5', 'f11', 'f12']);
/** With Ctrl+Shift: DevTools, console, element picker. */
const DEVTOOLS_KEYS = new Set(['i', 'j', 'c']);

/**
 * Key combinations that would close, reload, zoom, minimise or inspect the kiosk. Blocked in
 * packaged builds so a shopper with a keyboard cannot leave the app; kept when run from source.
 */
export function isKioskEscape(
  input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'alt' | 'shift'>,
): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const ctrl = input.control || input.meta;
  return (
    (ctrl && (CTRL_KEYS.has(key) || ZOOM_KEYS.has(key))) ||
    FUNCTION_KEYS.has(key) ||
    (input.alt && key === 'f4') ||
    (ctrl && input.shift && DEVTOOLS_KEYS.has(key))
  );
}

export function blockKioskEscapes(contents: WebContents): void {
  contents.on('before-input-event', (event, input) => {
    if (isKioskEscape(input)) event.preventDefault();
  });
}
