/** The choice of the pane's three languages, each named as the catalogue names it. */
import { Select } from '@fluentui/react-components';
import { LANGUAGES, type Language } from '../standard';
import { usePane } from './context';

export function LanguageSelect({
  value,
  onChange,
  id,
  size,
}: {
  value: Language;
  onChange: (l: Language) => void;
  /** Inside a `Field` the field gives the id; elsewhere the caller's label points at this one. */
  id?: string;
  size?: 'small';
}) {
  const { t } = usePane();
  return (
    <Select id={id} size={size} value={value} onChange={(_, d) => onChange(d.value as Language)}>
      {LANGUAGES.map((l) => (
        <option key={l} value={l} lang={l}>
          {t.t(`taskpane.languages.${l}`)}
        </option>
      ))}
    </Select>
  );
}
