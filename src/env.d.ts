declare namespace App {
  interface Locals {
    /** The language of the request and its interface strings, resolved once by src/middleware.ts. */
    i18n: import('./lib/i18n/translator').I18n;
  }
}
