/**
 * Astro integration: a self-hosted headline face subset, at build time, to the characters the
 * content actually uses (so a French or Portuguese edition gets its accents without anyone
 * maintaining a list), emitted by Vite as a content-hashed /_astro/*.woff2 behind a plain CSS file.
 *
 * How: at `astro:config:setup` it reads the text of the given folders, subsets each Fontsource
 * unicode-range file of the family (latin, latin-ext, …) that shares a character with that text
 * (subset-font = harfbuzz hb-subset in wasm, no native build), writes the WOFF2 files and a
 * stylesheet with their @font-face rules into Astro's cache folder, and injects that stylesheet
 * into every page with injectScript('page-ssr'). Vite then treats it like any imported CSS: the
 * rules land in the page's external stylesheet (CSP `style-src 'self'` holds), and each url()
 * becomes a hashed, year-cacheable /_astro/ asset.
 *
 * In `astro dev` the content folders are watched: an edit restarts the server and re-subsets.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import subsetFont from 'subset-font';

export interface HeadlineFontOptions {
  /** Fontsource package, e.g. "@fontsource/anton". */
  package: string;
  /** CSS family name to declare, e.g. "Anton". */
  family: string;
  weight?: number;
  /** Folders whose text decides the characters (Markdown, YAML, TS…), relative to the project root. */
  textFrom: string[];
  /** Always kept, whatever the content says: printable ASCII and common punctuation by default. */
  always?: string;
  /** OpenType features to keep; kern only by default (drops liga/locl/frac/ccmp: ~10-15% smaller). */
  keepFeatures?: string[];
  /** The face is only set in capitals: keep upper-case glyphs only (about 1.5 KB less for Anton). */
  uppercase?: boolean;
}

const PRINTABLE_ASCII = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
const PUNCTUATION = '\u00a0‘’“”«»–—…·€¡¿';

async function textOf(folder: URL): Promise<string> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries.filter(
    (e) => e.isFile() && /\.(md|mdx|ya?ml|json|ts|astro|txt)$/.test(e.name),
  );
  const texts = await Promise.all(files.map((e) => readFile(`${e.parentPath}/${e.name}`, 'utf8')));
  return texts.join('\n');
}

/** Code points of a Fontsource range string ("U+0000-00FF,U+0131,…"). */
function inRange(range: string): (cp: number) => boolean {
  const spans = range.split(',').map((part) => {
    const [a, b = a] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(a!, 16), parseInt(b!, 16)] as const;
  });
  return (cp) => spans.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** "U+20-7E,U+A0,…" for exactly the code points kept, so the browser never fetches a file in vain. */
function toUnicodeRange(cps: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < cps.length;) {
    let j = i;
    while (j + 1 < cps.length && cps[j + 1] === cps[j]! + 1) j++;
    const hex = (n: number) => n.toString(16).toUpperCase();
    out.push(i === j ? `U+${hex(cps[i]!)}` : `U+${hex(cps[i]!)}-${hex(cps[j]!)}`);
    i = j + 1;
  }
  return out.join(',');
}

export function headlineFont(options: HeadlineFontOptions): AstroIntegration {
  const {
    package: pkg,
    family,
    weight = 400,
    textFrom,
    always = PRINTABLE_ASCII + PUNCTUATION,
    keepFeatures = ['kern'],
    uppercase = false,
  } = options;
  return {
    name: 'headline-font',
    hooks: {
      'astro:config:setup': async ({
        config,
        command,
        injectScript,
        updateConfig,
        addWatchFile,
        logger,
      }) => {
        const started = performance.now();
        const folders = textFrom.map((f) => new URL(f.endsWith('/') ? f : `${f}/`, config.root));
        const text = always + (await Promise.all(folders.map(textOf))).join('');
        // The face is only ever set in capitals (text-transform: uppercase): lower-case glyphs are never drawn.
        const chars = new Set<number>();
        for (const ch of text)
          for (const c of uppercase
            ? ch.toLocaleUpperCase()
            : ch + ch.toLocaleUpperCase() + ch.toLocaleLowerCase())
            chars.add(c.codePointAt(0)!);

        const require = createRequire(new URL('package.json', config.root));
        const pkgDir = new URL('./', `file://${require.resolve(`${pkg}/package.json`)}`);
        const ranges: Record<string, string> = JSON.parse(
          await readFile(new URL('unicode.json', pkgDir), 'utf8'),
        );
        const id = pkg.split('/').pop()!;
        const outDir = new URL('headline-font/', config.cacheDir);
        await mkdir(outDir, { recursive: true });

        const faces: string[] = [];
        const files: string[] = [];
        let bytes = 0;
        for (const [subset, range] of Object.entries(ranges)) {
          const has = inRange(range);
          const cps = [...chars].filter((cp) => cp >= 0x20 && has(cp)).sort((a, b) => a - b);
          // Skip a file that would only hold characters the latin file already covers.
          if (subset !== 'latin' && !cps.some((cp) => !inRange(ranges.latin ?? '')(cp))) continue;
          if (cps.length === 0) continue;
          const source = await readFile(
            new URL(`files/${id}-${subset}-${weight}-normal.woff2`, pkgDir),
          ).catch(() => undefined);
          if (!source) continue;
          const woff2 = await subsetFont(source, String.fromCodePoint(...cps), {
            targetFormat: 'woff2',
            noHinting: true,
            keepFeatures,
          });
          const file = `${id}-${subset}-${weight}.woff2`; // Vite adds the content hash when it emits it.
          await writeFile(new URL(file, outDir), woff2);
          files.push(file);
          bytes += woff2.length;
          faces.push(
            `@font-face {\n  font-family: '${family}';\n  font-style: normal;\n  font-weight: ${weight};\n  font-display: swap;\n` +
              `  src: url('./${file}') format('woff2');\n  unicode-range: ${toUnicodeRange(cps)};\n}`,
          );
        }
        const css = new URL('headline-font.css', outDir);
        await writeFile(
          css,
          `/* ${family} subset to the characters of ${textFrom.join(', ')} by the headline-font integration */\n${faces.join('\n')}\n`,
        );
        injectScript('page-ssr', `import ${JSON.stringify(fileURLToPath(css))};`);
        // The first file (latin) as an import, so a page can preload it: `import url from 'virtual:headline-font?url'`.
        const [first] = files;
        if (first)
          updateConfig({
            vite: {
              resolve: {
                alias: [
                  {
                    find: /^virtual:headline-font(?=\?|$)/,
                    replacement: fileURLToPath(new URL(first, outDir)),
                  },
                ],
              },
            },
          });
        if (command === 'dev')
          for (const folder of folders)
            for (const e of await readdir(folder, { recursive: true, withFileTypes: true }))
              if (e.isFile()) addWatchFile(`${e.parentPath}/${e.name}`);
        logger.info(
          `${family}: ${chars.size} characters, ${faces.length} file(s), ${bytes} bytes woff2, ${(performance.now() - started).toFixed(0)} ms`,
        );
      },
    },
  };
}
