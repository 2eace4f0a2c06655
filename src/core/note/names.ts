/**
 * The registry's names of territories and libraries in a language: the
 * note names them as the workbook does (`name_kk` in Kazakh, `name_ru`
 * otherwise, as the generated sheets do), a code where the name is blank.
 */
import type { Language } from '../../standard';
import type { ParsedWorkbook } from '../parsed';

export interface RegistryNames {
  territory(code: string): string;
  library(id: string): string;
}

export function registryNames(wbs: readonly ParsedWorkbook[], language: Language): RegistryNames {
  const col = language === 'kk' ? 'name_kk' : 'name_ru';
  const territories = new Map<string, string>();
  const libraries = new Map<string, string>();
  for (const wb of wbs) {
    for (const row of wb.registers.Territories.rows) {
      const code = row.v.terr_code;
      const name = row.v[col];
      if (typeof code === 'string' && typeof name === 'string' && !territories.has(code)) territories.set(code, name);
    }
    for (const row of wb.registers.Libraries.rows) {
      const id = row.v.lib_id;
      const name = row.v[col];
      if (typeof id === 'string' && typeof name === 'string' && !libraries.has(id)) libraries.set(id, name);
    }
  }
  return {
    territory: (code) => territories.get(code) ?? code,
    library: (id) => libraries.get(id) ?? id,
  };
}
