import { describe, expect, it } from 'vitest';
import {
  gmailLink,
  instagramLink,
  mailtoLink,
  outlookLink,
  telLink,
  xPostLink,
} from '../src/lib/letter/links';

const letter =
  'Señor Ministro Oscar Maúrtua De Romaña:\n\nLe escribo… 59% & 22.6% #UA11921? a=b\n\nAtentamente,\nAna';
const message = {
  to: 'webmaster@rree.gob.pe',
  subject: 'Calidad migratoria humanitaria & niñez',
  body: letter,
};

describe('email links', () => {
  it('mailto: decodes back to exactly the letter, with CRLF line breaks as RFC 6068 asks', () => {
    const url = new URL(mailtoLink(message));
    expect(url.protocol).toBe('mailto:');
    expect(url.pathname).toBe('webmaster@rree.gob.pe');
    expect(url.searchParams.get('subject')).toBe(message.subject);
    expect(url.searchParams.get('body')?.replace(/\r\n/g, '\n')).toBe(letter);
    // No raw space, line break or '#' that would cut the link short in a mail app.
    expect(mailtoLink(message)).not.toMatch(/[\s#]/);
  });

  it.each([
    ['Gmail', gmailLink(message), 'mail.google.com', 'su', 'to'],
    ['Outlook', outlookLink(message), 'outlook.live.com', 'subject', 'to'],
  ])(
    '%s compose link opens a draft with recipient, subject and the whole letter',
    (_name, link, host, subjectKey, toKey) => {
      const url = new URL(link);
      expect(url.protocol).toBe('https:');
      expect(url.host).toBe(host);
      expect(url.searchParams.get(toKey)).toBe(message.to);
      expect(url.searchParams.get(subjectKey)).toBe(message.subject);
      expect(url.searchParams.get('body')).toBe(letter);
    },
  );
});

describe('other channels', () => {
  it.each([
    ['+1 202 833 9860', 'tel:+12028339860'],
    ['+51 (1) 204-2400', 'tel:+5112042400'],
  ])('phone %s dials %s', (number, expected) => {
    expect(telLink(number)).toBe(expected);
  });

  it('X post names the official and carries the message and the site', () => {
    const url = new URL(
      xPostLink('PeruInTheUSA', 'Grant status now #UA11921', 'https://example.org/'),
    );
    expect(url.host).toBe('x.com');
    expect(url.searchParams.get('text')).toBe('@PeruInTheUSA Grant status now #UA11921');
    expect(url.searchParams.get('url')).toBe('https://example.org/');
  });

  it('Instagram opens the account profile', () => {
    expect(instagramLink('peruintheusa')).toBe('https://www.instagram.com/peruintheusa/');
  });
});
