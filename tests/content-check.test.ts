/**
 * What a campaigner editing content/ is told: every mistake as one line naming the file and the
 * field, with what to write and an example that belongs to no real appeal, before anything is
 * built. The rules run on a fixture appeal read into memory (tests/fixtures/fork/content), one
 * mistake put into it per row; one build shows how `astro build` prints them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  checkContent,
  describeMistakes,
  type ContentFile,
  type ContentFiles,
} from '../src/lib/appeal/check';
import { siteAddress, urgentActionIn } from '../src/lib/appeal/site-address';
import { readContent } from '../src/integrations/content-files';
import { appeal, projectRoot } from './support/appeal';
import { failedBuild } from './support/variant';

const fixture = join(projectRoot, 'tests', 'fixtures', 'fork', 'content');

/** The fixture's content with one file's data (or body) changed. */
function withChange(
  folder: keyof Omit<ContentFiles, 'exists' | 'facts'>,
  id: string,
  change: (data: Record<string, unknown>) => void,
  body?: string,
): ContentFiles {
  const content = readContent(fixture);
  const files = content[folder].map((file): ContentFile => {
    if (file.id !== id) return file;
    const data = structuredClone(file.data) as Record<string, unknown>;
    change(data);
    return { ...file, data, body: body ?? file.body };
  });
  return { ...content, [folder]: files };
}
/** The fixture's first official, who has an email address, a phone and an X account. */
const first = 'ministerin';

describe('the appeal under test', () => {
  it('passes the content check, and states its facts in content/source/facts.yaml for every edition', () => {
    const content = readContent(join(projectRoot, 'content'));
    expect(describeMistakes(checkContent(content))).toBe(describeMistakes([]));
    expect(
      content.facts,
      'content/source/facts.yaml lists every fact and figure the appeal page must state',
    ).toBeDefined();
    for (const lang of appeal.languages)
      expect(appeal.facts?.[lang]?.length ?? 0).toBeGreaterThan(0);
  });
});

describe('a mistake in the content is one line naming the file and the field', () => {
  it('the fixture the rows change has none', () => {
    expect(checkContent(readContent(fixture))).toEqual([]);
  });

  it.each([
    [
      'a misspelt field',
      withChange('targets', first, (d) => (d['emial'] = 'office@example.org')),
      `targets/${first}.md`,
      'emial',
      'Unknown field "emial": check its spelling',
    ],
    [
      'an email without @',
      withChange('targets', first, (d) => (d['email'] = 'office.example.org')),
      `targets/${first}.md`,
      'email',
      'Write one email address',
    ],
    [
      'a phone without its country code',
      withChange('targets', first, (d) => (d['phone'] = '202 555 0100')),
      `targets/${first}.md`,
      'phone',
      'starting with "+" and the country code',
    ],
    [
      'an X account written with @',
      withChange('targets', first, (d) => (d['x'] = '@Minister')),
      `targets/${first}.md`,
      'x',
      'without "@"',
    ],
    [
      'a salutation as one text, not one per language',
      withChange('targets', first, (d) => (d['salutation'] = 'Dear Minister,')),
      `targets/${first}.md`,
      'salutation',
      'must list one text per language',
    ],
    [
      'a role under something that is not a language code',
      withChange(
        'targets',
        first,
        (d) => (d['role'] = { ...(d['role'] as object), english: 'Minister' }),
      ),
      `targets/${first}.md`,
      'role.english',
      'not a language code',
    ],
    [
      'a salutation missing an edition',
      withChange('targets', first, (d) => delete (d['salutation'] as Record<string, string>)['fr']),
      `targets/${first}.md`,
      'salutation.fr',
      'Missing: the salutation in fr',
    ],
    [
      'a contact form that is not a web address',
      withChange('targets', first, (d) => (d['contactForm'] = 'bit.ly/form')),
      `targets/${first}.md`,
      'contactForm',
      'full web address starting with https://',
    ],
    [
      'a deadline written in words',
      withChange('appeal', 'de', (d) => (d['deadline'] = '15 January 2027')),
      'appeal/de.md',
      'deadline',
      'Write the date as YYYY-MM-DD',
    ],
    [
      'a deadline that is not on the calendar',
      withChange('appeal', 'de', (d) => (d['deadline'] = '2027-02-30')),
      'appeal/de.md',
      'deadline',
      'does not exist on the calendar',
    ],
    [
      'a made-up time zone',
      withChange('appeal', 'de', (d) => (d['deadlineTimeZone'] = 'Nordtal/Stadt')),
      'appeal/de.md',
      'deadlineTimeZone',
      'IANA name',
    ],
    [
      'an Urgent Action number written loosely',
      withChange('appeal', 'de', (d) => (d['ua'] = 'UA 7/26')),
      'appeal/de.md',
      'ua',
      'number, dot, two-digit year',
    ],
    [
      'an overlong social post',
      withChange('appeal', 'de', (d) => (d['socialPost'] = 'x'.repeat(201))),
      'appeal/de.md',
      'socialPost',
      'under 200 characters',
    ],
    [
      'a required field left out',
      withChange('appeal', 'de', (d) => delete d['ask']),
      'appeal/de.md',
      'ask',
      'Missing: The call to action in one sentence',
    ],
    [
      'a gap the template left',
      withChange('appeal', 'de', (d) => (d['title'] = '[[the headline of the appeal]]')),
      'appeal/de.md',
      'title',
      'Fill in the gap: the headline of the appeal.',
    ],
    [
      'a gap in the text under the frontmatter',
      withChange('letters', 'de', () => {}, 'Sehr geehrte …\n\n[[the letter, word for word]]\n'),
      'letters/de.md',
      '(the text under the frontmatter)',
      'Fill in the gap',
    ],
    [
      'a text left untranslated',
      withChange('strings', 'fr', (d) => (d['reportSubmit'] = '[[translate: Send my report]]')),
      'strings/fr.yaml',
      'reportSubmit',
      'Translate this text: "Send my report".',
    ],
    [
      "a translation whose deadline is not the original's",
      withChange('appeal', 'fr', (d) => (d['deadline'] = '2027-03-16')),
      'appeal/fr.md',
      'deadline',
      'they must agree',
    ],
    [
      'a file that says another language',
      withChange('letters', 'fr', (d) => (d['lang'] = 'de')),
      'letters/fr.md',
      'lang',
      'a file named fr.md says "lang: fr"',
    ],
    [
      'a strings table missing a text',
      withChange('strings', 'de', (d) => delete d['reportSubmit']),
      'strings/de.yaml',
      'reportSubmit',
      'This text is missing',
    ],
    [
      'a text that drops a placeholder',
      withChange('strings', 'de', (d) => (d['printTitle'] = 'Ein Brief')),
      'strings/de.yaml',
      'printTitle',
      'must use exactly {name}',
    ],
  ])('%s', (_, content, file, field, message) => {
    const mistakes = checkContent(content);
    expect(mistakes).toHaveLength(1);
    expect(mistakes[0]).toMatchObject({ file: `content/${file}`, field });
    expect(mistakes[0]?.message).toContain(message);
  });

  it("asks every edition for the report form's label of a channel only once an official can be reached by it", () => {
    const withoutLabels = (content: ContentFiles): ContentFiles => ({
      ...content,
      appeal: content.appeal.map((file) => {
        const data = structuredClone(file.data) as { channels: Record<string, string> };
        delete data.channels['fax'];
        return { ...file, data };
      }),
    });
    expect(checkContent(withoutLabels(readContent(fixture)))).toEqual([]);
    const mistakes = checkContent(
      withoutLabels(withChange('targets', first, (d) => (d['fax'] = '+44 20 7946 0001'))),
    );
    expect(mistakes.map(({ file, field }) => `${file} ${field}`).sort()).toEqual([
      'content/appeal/de.md channels.fax',
      'content/appeal/fr.md channels.fax',
    ]);
  });

  it('refuses a second original and a file the YAML reader cannot read, saying where', () => {
    const content = readContent(fixture);
    const twoOriginals = {
      ...content,
      appeal: content.appeal.map((file) => ({
        ...file,
        data: { ...(file.data as object), translation: undefined },
      })),
    };
    expect(
      checkContent(twoOriginals)
        .map((mistake) => mistake.message)
        .join('\n'),
    ).toContain('Exactly one appeal is the original');
    const unreadable = {
      ...content,
      letters: content.letters.map((file) =>
        file.id === 'de'
          ? {
              ...file,
              data: undefined,
              unreadable: 'The YAML cannot be read on line 3: bad indentation.',
            }
          : file,
      ),
    };
    expect(checkContent(unreadable)).toContainEqual({
      file: 'content/letters/de.md',
      message: 'The YAML cannot be read on line 3: bad indentation.',
    });
  });

  it('quotes nothing of the appeal under test in its examples', () => {
    const quoted = [
      appeal.appeal(appeal.defaultLanguage).ua,
      ...appeal.targets.flatMap((target) =>
        [target.email, target.phone, target.fax, target.x, target.instagram].filter(
          (detail): detail is string => !!detail,
        ),
      ),
    ];
    const content = withChange('appeal', 'de', (d) => {
      d['deadline'] = 'soon';
      d['ua'] = 'x';
      d['deadlineTimeZone'] = 'x';
    });
    const messages = describeMistakes([
      ...checkContent(content),
      ...checkContent(
        withChange('targets', first, (d) => Object.assign(d, { phone: 'x', x: '@x', email: 'x' })),
      ),
    ]);
    expect(quoted.filter((detail) => messages.includes(detail))).toEqual([]);
  });
});

describe("the site's address", () => {
  it.each([
    ['https://ua-119-21.netlify.app', '119.21'],
    ['https://ua11921.example.org/', '119.21'],
    ['https://act.example.org/ua-7-26/', '7.26'],
    ['https://amnesty-urgent.netlify.app', undefined],
    ['https://quality.example.org', undefined],
  ])('%s names Urgent Action %s', (address, ua) => {
    expect(urgentActionIn(address)).toBe(ua);
  });

  it('comes from Netlify, else from the content, else the local server, and is refused when it names another appeal', () => {
    const content = { ua: '7.26', siteUrl: 'https://ua-7-26.example.org' };
    expect(siteAddress({ URL: 'https://nordtal.netlify.app' }, content)).toEqual({
      address: 'https://nordtal.netlify.app',
    });
    expect(
      siteAddress(
        {
          CONTEXT: 'deploy-preview',
          URL: 'https://a.netlify.app',
          DEPLOY_PRIME_URL: 'https://deploy-preview-3--a.netlify.app',
        },
        content,
      ),
    ).toEqual({ address: 'https://deploy-preview-3--a.netlify.app' });
    expect(siteAddress({}, content)).toEqual({ address: 'https://ua-7-26.example.org' });
    expect(siteAddress({}, { ua: '7.26' })).toEqual({ address: 'http://localhost:4321' });
    expect(siteAddress({ URL: 'https://ua-119-21.netlify.app' }, content)).toMatchObject({
      source: 'Netlify (URL)',
      refused: expect.stringContaining('names Urgent Action 119.21, but this appeal is 7.26'),
    });
    expect(siteAddress({}, { ua: '7.26', siteUrl: 'https://ua-119-21.netlify.app' })).toMatchObject(
      { source: 'siteUrl' },
    );
  });
});

describe('astro build with mistakes in the content', () => {
  it('stops before building and prints them as a plain list, one line each, with no stack trace', () => {
    const output = failedBuild('broken-content', {
      content: fixture,
      edit: (dir) => {
        const file = join(dir, 'targets', `${first}.md`);
        writeFileSync(
          file,
          readFileSync(file, 'utf8').replace(/^email: .*$/m, 'email: office.example.org'),
        );
        const appealFile = join(dir, 'appeal', 'fr.md');
        writeFileSync(
          appealFile,
          readFileSync(appealFile, 'utf8').replace(/^deadline: .*$/m, 'deadline: 15 mars 2027'),
        );
      },
    });
    expect(output).toContain('The content has 2 mistakes');
    expect(output).toContain(`content/targets/${first}.md, email: Write one email address`);
    expect(output).toContain('content/appeal/fr.md, deadline: Write the date as YYYY-MM-DD');
    expect(output).not.toMatch(/Stack trace|\n\s+at |docs\.astro\.build|Hint:/);
  });

  it('refuses an address that names another appeal, naming where it came from', () => {
    const ua = appeal.appeal(appeal.defaultLanguage).ua;
    const other = `https://ua-${Number(ua.split('.')[0]) + 1}-${ua.split('.')[1]}.netlify.app`;
    const output = failedBuild('another-appeals-address', { env: { URL: other } });
    expect(output).toContain(
      `The site's address ${other} (from Netlify (URL)) names Urgent Action`,
    );
    expect(output).toContain(`but this appeal is ${ua}`);
  });
});
