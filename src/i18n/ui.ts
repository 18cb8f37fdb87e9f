import type { Language } from '../lib/appeal/vocabulary';
import { en, type UiStrings } from './en';
import { es } from './es';

/** One table per language; the type makes a missing key a build error. */
export const ui: Record<Language, UiStrings> = { en, es };

/** The interface strings of one edition. */
export const strings = (lang: Language): UiStrings => ui[lang];
