import type { Language } from '../appeal/vocabulary';

/**
 * What can be wrong with a report, as stable codes. The schema raises codes, never sentences, so a
 * language is added by adding a table below and the rules stay untouched.
 */
export const reportProblemCodes = [
  'body-unreadable',
  'field-unknown',
  'field-invalid',
  'id-invalid',
  'targets-missing',
  'targets-unknown',
  'count-not-whole',
  'count-negative',
  'count-too-many',
  'counts-none',
  'counts-too-many',
  'language-invalid',
  'country-invalid',
  'started-invalid',
] as const;
export type ReportProblemCode = (typeof reportProblemCodes)[number];

/** Sentences a supporter reads next to a field or in the list of problems; `{max}` is filled in. */
export type ReportMessages = { readonly [code in ReportProblemCode]: string };

const en: ReportMessages = {
  'body-unreadable': 'We could not read your report. Please reload the page and send it again.',
  'field-unknown': 'The form sent something we do not recognise. Please reload the page and send it again.',
  'field-invalid': 'This answer is not in a form we can read. Please check it and send the report again.',
  'id-invalid': 'Your report is missing its reference. Please reload the page and send it again.',
  'targets-missing': 'Choose the official or officials you wrote to.',
  'targets-unknown': 'Choose the officials from the list on the page.',
  'count-not-whole': 'Enter a whole number, such as 1 or 2.',
  'count-negative': 'Enter 0 or more.',
  'count-too-many': 'Enter {max} or fewer. For a bigger group action, send one report per person.',
  'counts-none': 'Tell us what you did: enter 1 or more next to at least one way you acted.',
  'counts-too-many': 'One report can count up to {max} actions in all. For a bigger group action, send one report per person.',
  'language-invalid': 'Choose the language you wrote in.',
  'country-invalid': 'Choose a country from the list, or leave it empty.',
  'started-invalid': 'Please reload the page and fill in the form again.',
};

const es: ReportMessages = {
  'body-unreadable': 'No pudimos leer tu informe. Vuelve a cargar la página y envíalo de nuevo.',
  'field-unknown': 'El formulario envió algo que no reconocemos. Vuelve a cargar la página y envíalo de nuevo.',
  'field-invalid': 'Esta respuesta no tiene un formato que podamos leer. Revísala y vuelve a enviar el informe.',
  'id-invalid': 'A tu informe le falta su referencia. Vuelve a cargar la página y envíalo de nuevo.',
  'targets-missing': 'Elige la autoridad o las autoridades a las que escribiste.',
  'targets-unknown': 'Elige las autoridades de la lista de la página.',
  'count-not-whole': 'Escribe un número entero, como 1 o 2.',
  'count-negative': 'Escribe 0 o más.',
  'count-too-many': 'Escribe {max} o menos. Para una acción en grupo más grande, envía un informe por persona.',
  'counts-none': 'Cuéntanos qué hiciste: escribe 1 o más junto a al menos una de las formas en que actuaste.',
  'counts-too-many': 'Un informe puede contar hasta {max} acciones en total. Para una acción en grupo más grande, envía un informe por persona.',
  'language-invalid': 'Elige el idioma en el que escribiste.',
  'country-invalid': 'Elige un país de la lista o déjalo vacío.',
  'started-invalid': 'Vuelve a cargar la página y rellena el formulario de nuevo.',
};

/** One table per language the site publishes; the type makes a missing one a build error. */
export const reportMessages: Readonly<Record<Language, ReportMessages>> = { en, es };

/** The sentence for a problem code in a language, with limits filled in. */
export function reportMessage(code: ReportProblemCode, lang: Language = 'en', values: { max?: number } = {}): string {
  const text = reportMessages[lang][code];
  return values.max === undefined ? text : text.replaceAll('{max}', String(values.max));
}

export function isReportProblemCode(value: string): value is ReportProblemCode {
  return (reportProblemCodes as readonly string[]).includes(value);
}
