import { describe, expect, it } from 'vitest';
import { letterText, paragraphs, signature } from '../src/lib/letter/letter';

const parts = {
  salutation: 'Dear Minister,',
  body: 'First paragraph\nwrapped by an editor.\n\nSecond paragraph.\n',
  closing: 'Sincerely,',
};

describe('letter text', () => {
  it('joins lines an editor wrapped and keeps paragraphs apart', () => {
    expect(paragraphs(parts.body)).toEqual([
      'First paragraph wrapped by an editor.',
      'Second paragraph.',
    ]);
  });

  it('reads salutation, body, closing with blank lines between, unsigned when nothing is filled in', () => {
    expect(letterText(parts)).toBe(
      'Dear Minister,\n\nFirst paragraph wrapped by an editor.\n\nSecond paragraph.\n\nSincerely,',
    );
  });

  it.each([
    [{ name: 'Ana Pérez' }, ['Ana Pérez']],
    [{ name: 'Ana Pérez', place: 'Quito, Ecuador' }, ['Ana Pérez', 'Quito, Ecuador']],
    [{ place: 'Madrid, España' }, ['Madrid, España']],
    [{ name: '   ', place: '' }, []],
  ])('signs with what the supporter typed: %o', (sender, lines) => {
    expect(signature(sender)).toEqual(lines);
    expect(letterText(parts, sender)).toBe(
      [
        'Dear Minister,',
        '',
        'First paragraph wrapped by an editor.',
        '',
        'Second paragraph.',
        '',
        'Sincerely,',
        ...lines,
      ].join('\n'),
    );
  });
});
