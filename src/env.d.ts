declare namespace App {
  interface Locals {
    /** The language of the request and its interface strings, resolved once by src/middleware.ts. */
    i18n: import('./lib/i18n/translator').I18n;
  }
}

/** The headline face's main file, as src/integrations/headline-font.ts subsets it: its address, to preload it. */
declare module 'virtual:headline-font?url' {
  const url: string;
  export default url;
}
