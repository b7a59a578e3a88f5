import type { Confidence, LikelihoodWord } from './types.js';

/** ICD 203 words in order, with the STIX 2.1 value each maps to (DNI scale). */
export const LIKELIHOOD_WORDS: readonly LikelihoodWord[] = ['almost-no-chance', 'very-unlikely', 'unlikely', 'roughly-even-chance', 'likely', 'very-likely', 'almost-certain'];

const WORD_VALUES: Record<LikelihoodWord, number> = {
  'almost-no-chance': 5,
  'very-unlikely': 15,
  unlikely: 30,
  'roughly-even-chance': 50,
  likely: 70,
  'very-likely': 85,
  'almost-certain': 95,
};

export function isLikelihoodWord(value: unknown): value is LikelihoodWord {
  return typeof value === 'string' && (LIKELIHOOD_WORDS as readonly string[]).includes(value);
}

/** A confidence as a number 0–100. */
export function confidenceValue(confidence: Confidence): number {
  return typeof confidence === 'number' ? confidence : WORD_VALUES[confidence];
}

/**
 * The ICD 203 word for a confidence. Numbers use the ICD 203 bands (55–80 % is "likely");
 * the scale never reaches certainty, so 100 still reads "almost certain".
 */
export function likelihoodWord(confidence: Confidence): LikelihoodWord {
  if (typeof confidence !== 'number') return confidence;
  if (confidence < 5) return 'almost-no-chance';
  if (confidence < 20) return 'very-unlikely';
  if (confidence < 45) return 'unlikely';
  if (confidence <= 55) return 'roughly-even-chance';
  if (confidence < 80) return 'likely';
  if (confidence < 95) return 'very-likely';
  return 'almost-certain';
}
