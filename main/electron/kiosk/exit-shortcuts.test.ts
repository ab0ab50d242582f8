import { describe, expect, it } from 'vitest';
import { isExitShortcut, type KeyInput } from './exit-shortcuts.js';

const key = (k: string, mods: Partial<KeyInput> = {}): KeyInput => ({ type: 'keyDown', key: k, control: false, meta: false, alt: false, shift: false, ...mods });

describe('kiosk exit shortcuts', () => {
  it.each([
    ['Alt+F4', key('F4', { alt: true })],
    ['Ctrl+W', key('w', { control: true })],
    ['Cmd+Q', key('q', { meta: true })],
    ['Ctrl+R', key('r', { control: true })],
    ['Ctrl+Shift+R', key('R', { control: true, shift: true })],
    ['F5', key('F5')],
    ['F11', key('F11')],
    ['F12', key('F12')],
    ['Ctrl+Shift+I', key('I', { control: true, shift: true })],
    ['Ctrl+Shift+J', key('J', { control: true, shift: true })],
    ['Ctrl+P', key('p', { control: true })],
    ['Ctrl+N', key('n', { control: true })],
    ['Ctrl++', key('+', { control: true })],
    ['Alt+Left (history back)', key('ArrowLeft', { alt: true })],
  ])('blocks %s', (_name, input) => {
    expect(isExitShortcut(input)).toBe(true);
  });

  it.each([
    ['a digit (phone entry)', key('5')],
    ['Enter (a card reader ends with it)', key('Enter')],
    ['Backspace', key('Backspace')],
    ['a letter (appointment code)', key('A', { shift: true })],
    ['a key release', { ...key('F4', { alt: true }), type: 'keyUp' }],
  ])('lets %s through', (_name, input) => {
    expect(isExitShortcut(input)).toBe(false);
  });
});
