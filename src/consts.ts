import type { Language } from './lib/appeal/schema';

/** Language of the site's interface and of its default page. */
export const siteLanguage: Language = 'en';
