/**
 * Counting words and joining sentences for a locale. `count(n, { one: '# event', other: '# events' })` picks the
 * form by the locale's CLDR plural rules and puts the number, grouped for that locale
 * (1,00,000 in en-IN and hi-IN), where `#` stands.
 */

/** The forms of a counted phrase; `other` is required, as every locale has it. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export interface Counting {
  /** A number, grouped for the locale. */
  num(n: number): string;
  /** The phrase for `n`, with `#` replaced by the grouped number. */
  count(n: number, forms: PluralForms): string;
}

/** The formatters are made on first use: a catalogue built at load costs no Intl set-up. */
export function counting(locale: string): Counting {
  let format: Intl.NumberFormat | undefined;
  let rules: Intl.PluralRules | undefined;
  const num = (n: number) => (format ??= new Intl.NumberFormat(locale)).format(n);
  return {
    num,
    count: (n, forms) => (forms[(rules ??= new Intl.PluralRules(locale)).select(n)] ?? forms.other).replaceAll('#', num(n)),
  };
}

/** Sentences joined with `stop` and a space; a part that already ends a sentence gets no second stop; empty parts are left out. */
export function joinSentences(parts: string[], stop: string): string {
  const kept = parts.map((p) => p.trim()).filter(Boolean);
  return kept.map((p, i) => (i === kept.length - 1 || /[.।!?…]["”’)]*$/.test(p) ? p : `${p}${stop}`)).join(' ');
}
