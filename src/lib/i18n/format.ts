/**
 * One way to turn an interface string into text: placeholders filled, numbers written the way the
 * language writes them, and the plural form the count asks for. Browser-safe.
 */

/** A text with one form per plural category of its language (Intl.PluralRules); "other" is always given. */
export type Plural = { readonly other: string } & {
  readonly [category in Intl.LDMLPluralRule]?: string | undefined;
};
export type Message = string | Plural;
export type Values = Readonly<Record<string, string | number>>;

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number as the language writes it ("4244" and "12.345" in Spanish, "4,244" in English). */
export function formatNumber(lang: string, value: number): string {
  let formatter = numberFormats.get(lang);
  if (!formatter) numberFormats.set(lang, (formatter = new Intl.NumberFormat(lang)));
  return formatter.format(value);
}

/** The form of a plural text that a count takes in a language: "1 action", "2 actions". */
function pluralForm(lang: string, message: Plural, count: number): string {
  const category = new Intl.PluralRules(lang).select(count);
  return message[category] ?? message.other;
}

/**
 * Fills "{name}" placeholders with `values`; a plural text picks its form by `values.count`.
 * A placeholder without a value is left as it is, so a missing value shows instead of vanishing.
 */
export function format(lang: string, message: Message, values: Values = {}): string {
  const text =
    typeof message === 'string' ? message : pluralForm(lang, message, Number(values['count'] ?? 0));
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = values[name];
    if (value === undefined) return placeholder;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

/** The placeholders a text uses, in order of first use: "{actions} in {reports}" gives ["actions", "reports"]. */
export function placeholdersOf(message: Message): string[] {
  const texts = typeof message === 'string' ? [message] : Object.values(message);
  return [
    ...new Set(
      texts.flatMap((text) =>
        [...(text ?? '').matchAll(/\{(\w+)\}/g)].map(([, name]) => name ?? ''),
      ),
    ),
  ];
}
