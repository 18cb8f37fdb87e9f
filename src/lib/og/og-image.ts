/**
 * Open Graph image (1200×630 PNG) for one edition and appeal state, made at build time.
 *
 * satori lays the card out and draws every glyph as an SVG <path> (so no system font is involved,
 * on a developer's machine, CI or Netlify's build image alike); sharp (already in Astro's tree)
 * rasterises the SVG with librsvg and writes a palette PNG.
 *
 * Runs on Node >= 22.6 as plain .ts (type stripping), and inside Astro/Vite unchanged.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import satori, { type SatoriNode } from 'satori';
import sharp from 'sharp';

export interface OgImageInput {
  /** The appeal's title, as written in the edition's language; set in capitals here. */
  title: string;
  /** "Act by 3 January 2022", "Deadline passed", "Outcome: …". */
  stateLine: string;
  /** Small line above the title, e.g. "Amnesty International · Urgent Action 119.21". */
  kicker: string;
  /** BCP 47 tag of the edition: capitals follow its rules (toLocaleUpperCase), satori gets it as `lang`. */
  lang: string;
  /** Black on yellow (default while the appeal is open) or yellow on black. */
  theme?: 'yellow' | 'black';
}

const WIDTH = 1200;
const HEIGHT = 630;
const PAD = 64;
const YELLOW = '#ffff00';
const BLACK = '#000000';
/** Height the title may take between the kicker and the state band. */
const TITLE_BOX = { width: WIDTH - 2 * PAD, height: 330 };
const TITLE_SIZES = [132, 120, 110, 100, 92, 84, 76, 70, 64, 58, 52];

// The headline face, straight from the Fontsource package (satori reads WOFF2). latin-ext is a
// second font of the same family: satori falls back to it for characters latin lacks (ő, ł, ș…).
const require = createRequire(import.meta.url);
const fontFile = (file: string) => readFile(require.resolve(`@fontsource/anton/files/${file}`));
let fontsPromise: Promise<Parameters<typeof satori>[1]['fonts']> | undefined;
function fonts() {
  fontsPromise ??= Promise.all([
    fontFile('anton-latin-400-normal.woff2'),
    fontFile('anton-latin-ext-400-normal.woff2'),
  ]).then(([latin, latinExt]) => [
    { name: 'Anton', data: latin, weight: 400, style: 'normal' },
    { name: 'Anton', data: latinExt, weight: 400, style: 'normal' },
  ]);
  return fontsPromise;
}

type Node = {
  type: string;
  key?: string | undefined;
  props: { style?: Record<string, unknown>; children?: unknown; lang?: string };
};
const h = (
  type: string,
  style: Record<string, unknown>,
  children?: unknown,
  key?: string,
): Node => ({ type, key, props: { style, children } });

const titleNode = (text: string, fontSize: number, color: string) =>
  h(
    'div',
    {
      display: 'flex',
      fontSize,
      lineHeight: 1.2,
      color,
      textWrap: 'balance',
      letterSpacing: '0.005em',
    },
    text,
    'fit',
  );
const stateNode = (text: string, fontSize: number, color: string) =>
  h(
    'div',
    { display: 'flex', fontSize, lineHeight: 1.15, color, letterSpacing: '0.02em' },
    text,
    'fit',
  );
const STATE_BAND = { width: WIDTH - 2 * PAD, height: 100 };
const STATE_SIZES = [50, 46, 42, 38, 34, 31, 28];

/** Height of a text node at a width, as satori lays it out (one small layout, ~5-15 ms). */
async function measure(node: Node, width: number): Promise<number> {
  let height = Infinity;
  await satori(node as never, {
    width,
    fonts: await fonts(),
    onNodeDetected: (n: SatoriNode) => {
      if (n.key === 'fit') height = n.height;
    },
  });
  return height;
}

/** The largest title size that fits its box. */
async function fitTitle(text: string): Promise<number> {
  for (const size of TITLE_SIZES)
    if ((await measure(titleNode(text, size, ''), TITLE_BOX.width)) <= TITLE_BOX.height)
      return size;
  return TITLE_SIZES.at(-1)!;
}

/** The largest state-line size that keeps it on one line; else the largest that fits the band on two. */
async function fitState(text: string): Promise<number> {
  let twoLines: number | undefined;
  for (const size of STATE_SIZES) {
    const height = await measure(stateNode(text, size, ''), STATE_BAND.width);
    if (height <= size * 1.15 + 2) return size;
    if (twoLines === undefined && height <= STATE_BAND.height) twoLines = size;
  }
  return twoLines ?? STATE_SIZES.at(-1)!;
}

async function renderOgSvg({
  title,
  stateLine,
  kicker,
  lang,
  theme = 'yellow',
}: OgImageInput): Promise<string> {
  const [paper, ink] = theme === 'yellow' ? [YELLOW, BLACK] : [BLACK, YELLOW];
  const upper = (s: string) => s.toLocaleUpperCase(lang);
  const headline = upper(title);
  const [size, stateSize] = await Promise.all([fitTitle(headline), fitState(upper(stateLine))]);
  const card = {
    type: 'div',
    props: {
      lang,
      style: {
        display: 'flex',
        flexDirection: 'column',
        width: WIDTH,
        height: HEIGHT,
        background: paper,
        fontFamily: 'Anton',
      },
      children: [
        h(
          'div',
          {
            display: 'flex',
            flexDirection: 'column',
            flexGrow: 1,
            padding: `${PAD - 8}px ${PAD}px 0`,
          },
          [
            h('div', { display: 'flex' }, [
              h(
                'div',
                {
                  display: 'flex',
                  background: ink,
                  color: paper,
                  fontSize: 30,
                  letterSpacing: '0.06em',
                  padding: '4px 14px 6px',
                },
                upper(kicker),
              ),
            ]),
            h('div', { display: 'flex', flexGrow: 1, alignItems: 'center' }, [
              titleNode(headline, size, ink),
            ]),
          ],
        ),
        h(
          'div',
          {
            display: 'flex',
            alignItems: 'center',
            height: 112,
            padding: `0 ${PAD}px`,
            background: ink,
          },
          [stateNode(upper(stateLine), stateSize, paper)],
        ),
      ],
    },
  };
  return satori(card as never, { width: WIDTH, height: HEIGHT, fonts: await fonts() });
}

export async function renderOgImage(input: OgImageInput): Promise<Buffer> {
  const svg = await renderOgSvg(input);
  // Two flat colours plus anti-aliasing: a 32-colour palette PNG is indistinguishable and ~4× smaller.
  return sharp(Buffer.from(svg))
    .png({ palette: true, colours: 32, compressionLevel: 9, effort: 10 })
    .toBuffer();
}
