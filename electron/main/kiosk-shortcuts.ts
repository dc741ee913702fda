import type { Input, WebContents } from 'electron';

/**
 * Key combinations that would close, reload or inspect the kiosk. Blocked in production so a
 * shopper with a keyboard cannot leave the app; kept in development.
 */
export function isKioskEscape(
  input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'alt' | 'shift'>,
): boolean {
  if (input.type !== 'keyDown') return false;
  const key = input.key.toLowerCase();
  const ctrl = input.control || input.meta;
  return (
    (ctrl && (key === 'w' || key === 'r' || key === 'q')) ||
    key === 'f5' ||
    key === 'f11' ||
    key === 'f12' ||
    (input.alt && key === 'f4') ||
    (ctrl && input.shift && (key === 'i' || key === 'j' || key === 'c'))
  );
}

export function blockKioskEscapes(contents: WebContents): void {
  contents.on('before-input-event', (event, input) => {
    if (isKioskEscape(input)) event.preventDefault();
  });
}
