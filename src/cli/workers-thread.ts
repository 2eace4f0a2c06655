/**
 * A worker of `readAndCheck`: reads and checks the workbooks it is given, one
 * at a time, and posts back each one's validation, or why its file could not
 * be read (rebuilt into the same error, and the same message, on the other side).
 */
import { parentPort } from 'node:worker_threads';
// A thread is an edge of its own: the core it runs takes its catalogues from src/i18n, loaded here.
import '../i18n';
import { WorkbookFileError } from '../xlsx/errors';
import { checkFile, type CheckRequest, type CheckResult } from './workers';

const port = parentPort;
if (port) {
  port.on('message', (req: CheckRequest) => {
    void (async (): Promise<CheckResult> => {
      try {
        return { index: req.index, ok: true, ...(await checkFile(req.file, req.maxUnpackedBytes)) };
      } catch (e) {
        if (e instanceof WorkbookFileError)
          return {
            index: req.index,
            ok: false,
            fileError: { reason: e.reason, detail: e.detail, params: { ...e.params } },
          };
        return { index: req.index, ok: false, unexpected: e instanceof Error ? e.message : String(e) };
      }
    })().then((result) => port.postMessage(result));
  });
}
