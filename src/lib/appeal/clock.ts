/**
 * The moment the site is rendered for: now, or the moment a build was pinned to with PREVIEW_AT
 * (astro.config.mjs), to see the appeal as it will stand, or stood, on another day.
 */
declare const __PREVIEW_AT__: string | undefined;

const pinned =
  typeof __PREVIEW_AT__ === 'string' && __PREVIEW_AT__ !== '' ? __PREVIEW_AT__ : undefined;

export function renderMoment(): Date {
  return pinned ? new Date(pinned) : new Date();
}
