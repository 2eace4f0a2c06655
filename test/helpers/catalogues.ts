/** The tests run the core as the edges do: with the catalogues handed in (`core/translator.ts`). */
import '../../src/i18n';
