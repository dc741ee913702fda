import { describe, expect, it } from 'vitest';
import { isKioskEscape } from '../../../electron/main/kiosk-shortcuts';

const key = (
  k: string,
  mods: Partial<{ control: boolean; alt: boolean; shift: boolean; meta: boolean }> = {},
) => ({
  type: 'keyDown',
  key: k,
  control: false,
  alt: false,
  shift: false,
  meta: false,
  ...mods,
});

describe('kiosk escape shortcuts', () => {
  it.each([
    ['Ctrl+W', key('w', { control: true })],
    ['Ctrl+R', key('R', { control: true })],
    ['F5', key('F5')],
    ['F11', key('F11')],
    ['Alt+F4', key('F4', { alt: true })],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Cmd+Q', key('q', { meta: true })],
    ['Ctrl+M (minimise)', key('m', { control: true })],
    ['Ctrl+P (print)', key('p', { control: true })],
    ['Ctrl+= (zoom in)', key('=', { control: true })],
    ['Ctrl++ (zoom in, shifted)', key('+', { control: true, shift: true })],
    ['Ctrl+- (zoom out)', key('-', { control: true })],
    ['Ctrl+0 (zoom reset)', key('0', { control: true })],
  ])('blocks %s', (_name, input) => expect(isKioskEscape(input)).toBe(true));

  it.each([
    ['a letter', key('a')],
    ['Shift+A', key('A', { shift: true })],
    ['F4 alone', key('F4')],
    ['0 without Ctrl', key('0')],
    ['minus without Ctrl', key('-')],
    ['a key release', { ...key('F5'), type: 'keyUp' }],
  ])('lets %s through', (_name, input) => expect(isKioskEscape(input)).toBe(false));
});
