declare namespace App {
  /** What a request's pages and components share, set once by src/middleware.ts. */
  interface Locals {
    /** The language of the request and its interface strings. */
    i18n: import('./lib/i18n/translator').I18n;
    /** The campaign (appeal, officials, letters, updates) in that language. */
    campaign: import('./lib/appeal/campaign').Campaign;
    /** The moment the page is rendered for: now, or the build's PREVIEW_AT. */
    now: Date;
    /** Where the appeal stands at that moment: open, past its deadline, or closed. */
    state: import('./lib/appeal/state').AppealState<import('./lib/appeal/schema').Update>;
    /** The updates published by that moment, newest first. */
    updates: import('./lib/appeal/schema').Update[];
  }
}

/** The headline face's main file, as src/integrations/headline-font.ts subsets it: its address, to preload it. */
declare module 'virtual:headline-font?url' {
  const url: string;
  export default url;
}
