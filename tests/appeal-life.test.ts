/** The appeal's life (open, past its deadline, closed by an update) and its updates, as rules on made-up dates. */
import { describe, expect, it } from 'vitest';
import { z } from 'astro/zod';
import { updateSchema } from '../src/lib/appeal/schema';
import { appealState, publishedUpdates } from '../src/lib/appeal/state';

const appeal = { deadline: '2031-06-03', deadlineTimeZone: 'America/Bogota' };
const outcome = { date: '2031-05-17', actionsRequested: false, title: 'Outcome' };
const news = { date: '2031-05-01', actionsRequested: true, title: 'Further information' };
const at = (instant: string) => new Date(instant);

describe('where the appeal stands', () => {
  it.each([
    ['open: before the deadline, no update', [], '2031-05-10T12:00:00Z', 'open'],
    [
      'open: an update dated before the deadline that asks for more action does not close it',
      [news],
      '2031-05-10T12:00:00Z',
      'open',
    ],
    ['open: the last minute of the deadline day in Bogotá', [], '2031-06-04T04:59:59Z', 'open'],
    [
      'past the deadline: the first second after that day ends in Bogotá',
      [],
      '2031-06-04T05:00:00Z',
      'past-deadline',
    ],
    [
      'past the deadline: news that still asks for action does not close it',
      [news],
      '2036-12-01T00:00:00Z',
      'past-deadline',
    ],
    [
      'closed: an outcome asking for no further action, once its day has begun in Bogotá',
      [news, outcome],
      '2031-05-17T05:00:00Z',
      'closed',
    ],
    [
      "not yet closed: the evening before the outcome's day in Bogotá (already the 17th in UTC)",
      [news, outcome],
      '2031-05-17T04:59:59Z',
      'open',
    ],
    ['closed years later, whatever the deadline', [outcome], '2036-12-01T00:00:00Z', 'closed'],
    [
      'reopened: a newer update asks for action again',
      [outcome, { date: '2031-08-01', actionsRequested: true, title: 'Again' }],
      '2031-08-02T00:00:00Z',
      'past-deadline',
    ],
  ])('%s', (_, updates, now, kind) => {
    expect(appealState(appeal, updates, at(now)).kind).toBe(kind);
  });

  it('names the update that closed it, and lists published updates newest first', () => {
    const state = appealState(appeal, [news, outcome], at('2031-06-10T00:00:00Z'));
    expect(state).toEqual({ kind: 'closed', outcome });
    expect(
      publishedUpdates([news, outcome], at('2031-05-05T00:00:00Z'), appeal.deadlineTimeZone),
    ).toEqual([news]);
    expect(
      publishedUpdates([news, outcome], at('2031-05-20T00:00:00Z'), appeal.deadlineTimeZone),
    ).toEqual([outcome, news]);
  });
});

describe('an update, as a file of content/updates/ gives it', () => {
  /** An update made up for these rows. */
  const valid = {
    lang: 'en',
    date: '2031-05-20',
    kind: 'outcome',
    title: 'The detained defender is free',
    summary: 'The authorities released her on 20 May 2031.',
    source: {
      document: 'EUR 01/2345/2031',
      url: 'https://www.amnesty.org/en/documents/eur01/2345/2031/en/',
    },
    actionsRequested: false,
  };

  it('passes its schema as made up', () => {
    expect(updateSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    [
      'another kind',
      { ...valid, kind: 'good-news' },
      'Say what the update is: "kind: further-information"',
    ],
    [
      'no word on whether action is still asked',
      { ...valid, actionsRequested: undefined },
      'Say whether the campaign still asks people to act',
    ],
    [
      '"no" instead of true or false',
      { ...valid, actionsRequested: 'no' },
      'Say whether the campaign still asks people to act',
    ],
    [
      'a document index written loosely',
      { ...valid, source: { ...valid.source, document: 'EUR01/2345/2031' } },
      'Write the document index as Amnesty prints it',
    ],
    [
      'a source address without https://',
      { ...valid, source: { ...valid.source, url: 'amnesty.org' } },
      'Give the full web address of the published document',
    ],
    [
      'a date that is not one',
      { ...valid, date: '2031-02-30' },
      'This date does not exist on the calendar',
    ],
    [
      'a summary that is a paragraph',
      { ...valid, summary: 'x'.repeat(221) },
      'Keep the summary to one sentence under 220 characters',
    ],
    ['a misspelt field', { ...valid, actionRequested: false }, 'Unknown field "actionRequested"'],
  ])('with %s fails with a message for the person editing', (_, data, message) => {
    const result = updateSchema.safeParse(data);
    expect(result.success).toBe(false);
    expect(z.prettifyError(result.error!)).toContain(message);
  });
});
