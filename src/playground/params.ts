/**
 * The playground's address: `?sample=clean|mistakes|kazakh` picks the workbook (the clean one, the one
 * with typical mistakes, both with Russian sheets; the clean one with Kazakh sheets), `?lang=kk|ru|en`
 * the pane's language.
 */
import { isLanguage, type Language } from '../standard';

export const SAMPLES = ['clean', 'mistakes', 'kazakh'] as const;
export type Sample = (typeof SAMPLES)[number];

export interface Params {
  readonly sample: Sample;
  readonly language: Language | null;
}

export function paramsOf(search: string): Params {
  const q = new URLSearchParams(search);
  const lang = q.get('lang');
  const sample = SAMPLES.find((s) => s === q.get('sample')) ?? 'mistakes';
  return { sample, language: isLanguage(lang) ? lang : null };
}
