import { ImportView } from './ImportView';
import { PriorYearView } from './PriorYearView';

/** What the Consolidate view loads on demand below its own section: Import, then Fill last year's figures. */
export default function ImportSections() {
  return (
    <>
      <ImportView />
      <PriorYearView />
    </>
  );
}
