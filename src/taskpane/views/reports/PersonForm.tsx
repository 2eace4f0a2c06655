/**
 * Who the person is, asked when they first act on a report (not before they
 * may look at the board), then remembered (see `person.ts`).
 */
import { useState } from 'react';
import { Button, Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import type { BoardRow } from '../../../core/board';
import type { Person } from '../../../core/workflow';
import { usePane } from '../../context';
import { useViewStyles } from '../../styles';

export function PersonForm(props: {
  libraries: readonly BoardRow[];
  /** The role the action asks for: staff submit, methodologists accept and return. */
  role?: Person['role'];
  /** The library whose report the person is acting on: a member of staff most likely belongs to it. */
  libId?: string;
  onSave: (p: Person) => void;
  onCancel?: () => void;
}) {
  const { t } = usePane();
  const s = useViewStyles();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Person['role']>(props.role ?? 'methodologist');
  const [libId, setLibId] = useState(props.libId ?? '');
  const ready = name.trim() !== '' && (role === 'methodologist' || libId !== '');
  const save = () => props.onSave(role === 'staff' ? { role, name: name.trim(), libId } : { role, name: name.trim() });
  return (
    <div className={s.view} role="group" aria-label={t.t('taskpane.reports.who')}>
      <p className={s.text}>{t.t('taskpane.reports.who_intro')}</p>
      <Field label={t.t('taskpane.reports.name')} required>
        <Input value={name} onChange={(_, d) => setName(d.value)} autoFocus />
      </Field>
      <Field label={t.t('taskpane.reports.role')}>
        <RadioGroup value={role} onChange={(_, d) => setRole(d.value as Person['role'])}>
          <Radio value="methodologist" label={t.t('taskpane.reports.role_methodologist')} />
          <Radio value="staff" label={t.t('taskpane.reports.role_staff')} />
        </RadioGroup>
      </Field>
      {role === 'staff' ? (
        <Field label={t.t('taskpane.reports.library')}>
          <Select value={libId} onChange={(_, d) => setLibId(d.value)}>
            <option value="">—</option>
            {props.libraries.map((r) => (
              <option key={r.libId} value={r.libId}>
                {r.libId}
              </option>
            ))}
          </Select>
        </Field>
      ) : null}
      <div className={s.actions}>
        <Button appearance="primary" disabledFocusable={!ready} onClick={() => ready && save()}>
          {t.t('taskpane.reports.save_person')}
        </Button>
        {props.onCancel ? <Button onClick={props.onCancel}>{t.t('taskpane.reports.cancel')}</Button> : null}
      </div>
    </div>
  );
}
