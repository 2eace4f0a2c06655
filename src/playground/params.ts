/** The playground's address: `?sample=clean|mistakes` picks the workbook, `?lang=kk|ru|en` the language. */
import { isLanguage, type Language } from '../standard';

export type Sample = 'clean' | 'mistakes';

export interface Params {
  readonly sample: Sample;
  readonly language: Language | null;
}

export function paramsOf(search: string): Params {
  const q = new URLSearchParams(search);
  const lang = q.get('lang');
  return { sample: q.get('sample') === 'clean' ? 'clean' : 'mistakes', language: isLanguage(lang) ? lang : null };
}
