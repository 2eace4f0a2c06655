/**
 * The copy a command writes of its input (set-up, prior-year, import), with
 * the refusal of a macro workbook under an .xlsx name worded for that command:
 * "the set-up copy", not consolidation's "consolidated copy".
 */
import type { Message } from '../core/message';
import type { Translator } from '../i18n';
import { WorkbookWriteError } from '../xlsx/errors';
import { saveWorkbookFile } from '../xlsx/write';
import { UsageError } from './errors';

export type CopyCommand = 'setup' | 'prior' | 'import';

export async function saveCopy(command: CopyCommand, out: string, bytes: Uint8Array): Promise<void> {
  try {
    await saveWorkbookFile(out, bytes);
  } catch (e) {
    if (e instanceof WorkbookWriteError && e.reason === 'macro_extension')
      throw new UsageError(`cli.error.macro_extension_${command}`, { file: e.detail });
    throw e;
  }
}

/** A core message as a usage error (exit 2), its label arguments put in the reader's language. */
export function messageError(message: Message, t: Translator, args: Record<string, unknown> = {}): UsageError {
  const rendered: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(message.args ?? {}))
    rendered[k] = v !== null && typeof v === 'object' && 'label' in v ? t.t(v.label) : v;
  return new UsageError(`finding.${message.key}`, { ...rendered, ...args });
}
