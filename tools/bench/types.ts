/** The shapes every benchmark section shares, so a new section is one object in bench.ts's list. */

/** One page of the site to measure. Add a row to `pages` in pages.ts to measure another page. */
export interface BenchPage {
  /** Path on the site, with its trailing slash, e.g. `/es/`. */
  path: string;
  /** Column heading in the printed tables. */
  label: string;
  /** An appeal page: the first-view, JS and Lighthouse targets apply to it. */
  appeal: boolean;
  /** Run Lighthouse on it (about 20 s a run). */
  lighthouse: boolean;
  /** Not built yet is fine: a 404 prints "not built" instead of failing the run. */
  optional?: boolean;
}

/** What a section is given: the running production server and the pages to measure. */
export interface BenchContext {
  /** Origin of the production server, no trailing slash, e.g. `http://127.0.0.1:40123`. */
  baseUrl: string;
  pages: readonly BenchPage[];
  /** Chromium binary for Playwright and Lighthouse. */
  chromiumPath: string;
  /** Directory the run writes its files to (bench-results/). */
  outputDir: string;
}

/** One figure printed beside its target in the closing summary. */
export interface TargetCheck {
  page: string;
  figure: string;
  measured: string;
  target: string;
  met: boolean;
}

export interface SectionResult {
  /** Lines printed under the section's title (tables already laid out). */
  lines: string[];
  /** The figures, as written to the JSON file under the section's id. */
  data: unknown;
  targets?: TargetCheck[];
}

export interface Section {
  /** Key of the section's figures in the JSON file. */
  id: string;
  title: string;
  run(context: BenchContext): Promise<SectionResult>;
}
