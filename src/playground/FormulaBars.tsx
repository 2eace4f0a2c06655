/** Excel's name box (type an address and Enter to select it) and formula bar (type and Enter to edit the cell). */
import { useId, useState } from 'react';
import type { Translator } from '../i18n';
import type { Scalar } from './source';

export function FormulaBars({
  selected,
  value,
  t,
  onSelect,
  onEdit,
}: {
  selected: string | null;
  value: Scalar | undefined;
  t: Translator;
  onSelect: (address: string) => void;
  onEdit: (address: string, value: Scalar | null) => void;
}) {
  const ids = useId();
  const [nameBox, setNameBox] = useState(selected ?? '');
  const [formula, setFormula] = useState(value === undefined ? '' : String(value));
  const commit = () => {
    if (!selected) return;
    const v = formula.trim();
    const typed: Scalar | null = v === '' ? null : /^-?\d+([.,]\d+)?$/.test(v) ? Number(v.replace(',', '.')) : formula;
    onEdit(selected.split(':')[0] ?? selected, typed);
  };
  return (
    <div className="bars">
      <label htmlFor={`${ids}-name`}>{t.t('playground.name_box')}</label>
      <input
        id={`${ids}-name`}
        className="name-box"
        value={nameBox}
        spellCheck={false}
        onChange={(e) => setNameBox(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && nameBox.trim()) onSelect(nameBox.trim().toUpperCase());
        }}
      />
      <label htmlFor={`${ids}-fx`} className="fx">
        fx
      </label>
      <input
        id={`${ids}-fx`}
        className="formula-bar"
        value={formula}
        disabled={!selected}
        onChange={(e) => setFormula(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
    </div>
  );
}
