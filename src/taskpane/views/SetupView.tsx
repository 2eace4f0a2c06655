/**
 * Set up: the workbook's region, year, level and language; creates the
 * standard structure in a new workbook, or adds what is missing and repairs
 * damaged reports in an existing one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import type { SetupPlan } from '../../core/setup';
import { setupSummaryLines } from '../../i18n/setup-summary';
import { translator, type Translator } from '../../i18n';
import { LEVELS, REGION_IDS, REPORTING_YEARS, isReportingYear, type Language, type Level } from '../../standard';
import { usePane } from '../context';
import type { WorkbookSettings } from '../../excel/pane';
import { ActionRun } from '../ActionRun';
import { LanguageSelect } from '../LanguageSelect';
import { useAction } from '../useAction';
import { useViewStyles } from '../styles';
import { useFocusOnOutcome } from '../useFocus';

export function SetupView({ onSetUp }: { onSetUp?: () => void }) {
  const { host, t, announce } = usePane();
  const s = useViewStyles();
  const [existing, setExisting] = useState<WorkbookSettings | null>(null);
  const [region, setRegion] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [level, setLevel] = useState<Level>('oblast');
  const [language, setLanguage] = useState<Language>(t.lang);
  const [invalid, setInvalid] = useState<{ region?: boolean; year?: boolean }>({});
  const regionRef = useRef<HTMLInputElement>(null);
  const yearRef = useRef<HTMLInputElement>(null);

  const apply = useCallback((found: WorkbookSettings | null) => {
    setExisting(found);
    if (!found) return;
    if (found.region) setRegion(found.region);
    if (found.year) setYear(String(found.year));
    if (found.level) setLevel(found.level);
    if (found.language) setLanguage(found.language);
  }, []);
  // The workbook's own settings prefill the form, so that repairing it is one click.
  useEffect(() => {
    let live = true;
    host.readSettings().then(
      (found) => live && apply(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [host, apply]);

  const action = useAction(
    ['read', 'write'],
    (engine, onStage, settings: { region: string; year: number; level: Level; language: Language }) =>
      engine.setupWorkbook(host, settings, { onStage }),
  );
  const { state } = action;
  const [outcomeRef, arm] = useFocusOnOutcome<HTMLDivElement>(state.status);

  const submit = async () => {
    const y = Number(year);
    const bad = { region: !region.trim(), year: !isReportingYear(y) };
    setInvalid(bad);
    if (bad.region) return regionRef.current?.focus();
    if (bad.year) return yearRef.current?.focus();
    arm();
    const plan = await action.start({ region: region.trim(), year: y, level, language });
    if (plan) {
      announce(describe(plan, t).join(' '));
      apply(await host.readSettings().catch(() => null));
      onSetUp?.();
    }
  };

  return (
    <div className={s.view}>
      <h2 className={s.heading}>{t.t('taskpane.setup.heading')}</h2>
      <p className={s.text}>
        {existing?.region && existing.year
          ? t.t('taskpane.setup.intro_existing', { region: existing.region, year: existing.year })
          : t.t('taskpane.setup.intro_new')}
      </p>
      <Field
        label={t.t('taskpane.setup.region')}
        hint={t.t('taskpane.setup.region_hint')}
        required
        validationMessage={invalid.region ? t.t('taskpane.setup.region_required') : undefined}
      >
        <Input ref={regionRef} value={region} list={REGION_LIST} onChange={(_, d) => setRegion(d.value)} />
      </Field>
      <RegionSuggestions language={language} />
      <Field
        label={t.t('taskpane.setup.year')}
        required
        validationMessage={invalid.year ? t.t('taskpane.setup.year_invalid') : undefined}
      >
        <Input
          ref={yearRef}
          type="number"
          inputMode="numeric"
          min={REPORTING_YEARS.min}
          max={REPORTING_YEARS.max}
          value={year}
          onChange={(_, d) => setYear(d.value)}
        />
      </Field>
      <Field label={t.t('taskpane.setup.level')}>
        <RadioGroup value={level} onChange={(_, d) => setLevel(d.value as Level)}>
          {LEVELS.map((l) => (
            <Radio key={l} value={l} label={t.t(`taskpane.setup.level_${l}`)} />
          ))}
        </RadioGroup>
      </Field>
      <Field label={t.t('taskpane.setup.language')}>
        <LanguageSelect value={language} onChange={setLanguage} />
      </Field>
      <ActionRun
        action={action}
        label={t.t('taskpane.setup.button')}
        onRun={() => void submit()}
        outcomeRef={outcomeRef}
        done={{ heading: t.t('taskpane.setup.done'), show: (plan) => <SetupSummary plan={plan} /> }}
      />
    </div>
  );
}

const REGION_LIST = 'kitaphana-regions';

/**
 * The oblasts and cities as the sheets' language names them, offered as the region is typed: a name
 * the software recognises, so that titles and the note can name it in any language.
 */
function RegionSuggestions({ language }: { language: Language }) {
  const names = translator(language);
  return (
    <datalist id={REGION_LIST}>
      {REGION_IDS.map((id) => (
        <option key={id} value={names.t(`region.${id}`)} />
      ))}
    </datalist>
  );
}

/** What set-up did, line by line, as the command line says it (`setupSummaryLines`). */
function describe(plan: SetupPlan, t: Translator): string[] {
  const lines = setupSummaryLines(plan.summary, t);
  return lines.length > 0 ? lines : [t.t('taskpane.setup.nothing')];
}

function SetupSummary({ plan }: { plan: SetupPlan }) {
  const { t } = usePane();
  const s = useViewStyles();
  return (
    <>
      {describe(plan, t).map((line) => (
        <p key={line} className={s.text}>
          {line}
        </p>
      ))}
    </>
  );
}
