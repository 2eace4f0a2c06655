import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleContent, type SampleKind } from '../../src/sample';
import { templatePlan } from '../../src/core/layout/template';
import { writeWorkbook } from '../../src/xlsx/write';
import { readWorkbook } from '../../src/xlsx/read';
import { SAMPLE_FILES } from '../../src/cli/sample';

/** The workbooks in workbooks/ are exactly what `kitaphana sample` makes: anyone can regenerate them. */
describe('the committed sample workbooks', () => {
  it.each(Object.entries(SAMPLE_FILES))('%s matches a fresh run of the generator', async (kind, name) => {
    const committed = await readWorkbook(readFileSync(join(__dirname, '..', '..', 'workbooks', name)));
    const fresh = await readWorkbook(await writeWorkbook(templatePlan(sampleContent(kind as SampleKind, 'ru'))));
    expect(committed).toEqual(fresh);
  });
});
