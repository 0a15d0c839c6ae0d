import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, call, type Schemas } from '../../api/client';
import { Field, FormError, formMessage } from '../../Field';
import { at } from '../../format';
import { useMembers } from '../../session';
import { useSubmit } from './shared';

type Settings = Schemas['QualityRubric'];
type Overrides = Schemas['QualityRubricInput'];
type Group = 'weights' | 'outlier';

// What a workspace may tune in how conversations are scored, each with the value in force now.
const numbers: { group: Group | null; key: string; label: string; hint: string; step: string }[] = [
  { group: 'weights', key: 'empathy', label: 'Empathy weight', hint: '0 to 1', step: '0.05' },
  { group: 'weights', key: 'listening', label: 'Listening weight', hint: '0 to 1', step: '0.05' },
  { group: 'weights', key: 'apologyFit', label: 'Apology fit weight', hint: '0 to 1', step: '0.05' },
  { group: 'weights', key: 'repeatAsk', label: 'Repeat ask weight', hint: '0 to 1', step: '0.05' },
  { group: 'weights', key: 'clarity', label: 'Clarity weight', hint: '0 to 1', step: '0.05' },
  {
    group: null,
    key: 'longHoldSeconds',
    label: 'Long hold, in seconds',
    hint: 'A wait for the agent longer than this counts against the conversation (60 to 86,400)',
    step: '1',
  },
  {
    group: 'outlier',
    key: 'minConversations',
    label: 'Conversations before an agent is compared',
    hint: '1 to 1,000',
    step: '1',
  },
  {
    group: 'outlier',
    key: 'pointsBelowTeam',
    label: "Points below the team's average that flag an outlier",
    hint: '0 to 100',
    step: '1',
  },
  {
    group: 'outlier',
    key: 'standardDeviations',
    label: 'Standard deviations below the team that flag an outlier',
    hint: '0 turns this rule off; otherwise 0.5 to 6',
    step: '0.5',
  },
  { group: 'outlier', key: 'periodDays', label: 'Period compared, in days', hint: '1 to 365', step: '1' },
  {
    group: 'outlier',
    key: 'coachingDueDays',
    label: 'Days to complete a coaching task',
    hint: '1 to 90',
    step: '1',
  },
];
const phraseKinds = [
  { key: 'empathy', label: 'Extra empathy phrases' },
  { key: 'apology', label: 'Extra apology phrases' },
  { key: 'redirect', label: 'Extra redirect phrases' },
  { key: 'jargon', label: 'Extra jargon' },
  { key: 'customerChoice', label: "Extra phrases for the customer's own choice" },
] as const;

const pathOf = (n: (typeof numbers)[number]) => (n.group ? `${n.group}.${n.key}` : n.key);

function valueIn(settings: Settings, n: (typeof numbers)[number]): number {
  const holder = (n.group ? settings.rubric[n.group] : settings.rubric) as Record<string, number>;
  return holder[n.key]!;
}

const numbersOf = (settings: Settings): Record<string, string> =>
  Object.fromEntries(numbers.map((n) => [pathOf(n), String(valueIn(settings, n))]));
const phrasesOf = (settings: Settings): Record<string, string> =>
  Object.fromEntries(
    phraseKinds.map((p) => [p.key, (settings.overrides.extraPhrases?.[p.key] ?? []).join('\n')]),
  );

export function RubricSettings() {
  const rubric = useQuery({ queryKey: ['rubric'], queryFn: () => call(api.GET('/quality/rubric')) });
  if (rubric.isError) return <p role="alert">The rubric could not be loaded: {rubric.error.message}</p>;
  if (!rubric.data) return <p>Loading the rubric…</p>;
  return <RubricForm settings={rubric.data} />;
}

function RubricForm({ settings }: { settings: Settings }) {
  const members = useMembers();
  const [values, setValues] = useState(() => numbersOf(settings));
  const [phrases, setPhrases] = useState(() => phrasesOf(settings));
  // After a save or a reset the form shows what is in force, as the server answered it.
  const [said, setSaid] = useState('');
  const show = (now: Settings, what: string) => {
    setValues(numbersOf(now));
    setPhrases(phrasesOf(now));
    setSaid(what);
  };
  const save = useSubmit(
    () => call(api.PUT('/quality/rubric', { body: overridesFrom(settings, values, phrases) })),
    [['rubric']],
    (now) => show(now, 'Rubric saved.'),
  );
  const reset = useSubmit(
    () => call(api.PUT('/quality/rubric', { body: {} })),
    [['rubric']],
    (now) => show(now, 'The defaults are back in force.'),
  );
  const problem = save.problem;
  const fields = [...numbers.map(pathOf), 'weights', ...phraseKinds.map((p) => `extraPhrases.${p.key}`)];
  const reasonFor = (path: string) =>
    problem?.reasonFor(path) ??
    problem?.problem.invalid_params?.find((p) => p.name.startsWith(`${path}.`))?.reason;
  return (
    <section aria-labelledby="rubric-title">
      <h2 id="rubric-title">Quality rubric</h2>
      <p className="muted">
        How every conversation in the workspace is scored from the next scoring on.{' '}
        {settings.updatedAt
          ? `Changed ${at(settings.updatedAt)}${settings.updatedBy && members.data?.get(settings.updatedBy) ? ` by ${members.data.get(settings.updatedBy)!.name}` : ''}.`
          : 'The defaults are in force.'}
      </p>
      <form onSubmit={save.submit} className="settings-form">
        {(['weights', null, 'outlier'] as const).map((group) => (
          <fieldset key={group ?? 'holds'}>
            <legend>
              {group === 'weights'
                ? 'How much each criterion weighs'
                : group === 'outlier'
                  ? 'When an agent is flagged as an outlier'
                  : 'Holds'}
            </legend>
            {group === 'weights' && <FormError message={reasonFor('weights')} />}
            {numbers
              .filter((n) => n.group === group)
              .map((n) => (
                <Field key={n.key} label={n.label} hint={n.hint} error={reasonFor(pathOf(n))}>
                  <input
                    type="number"
                    step={n.step}
                    value={values[pathOf(n)]}
                    onChange={(e) => setValues({ ...values, [pathOf(n)]: e.target.value })}
                    required
                  />
                </Field>
              ))}
          </fieldset>
        ))}
        <fieldset>
          <legend>Phrases the scoring also recognises, one per line</legend>
          {phraseKinds.map((p) => (
            <Field key={p.key} label={p.label} error={reasonFor(`extraPhrases.${p.key}`)}>
              <textarea
                rows={3}
                value={phrases[p.key]}
                onChange={(e) => setPhrases({ ...phrases, [p.key]: e.target.value })}
              />
            </Field>
          ))}
        </fieldset>
        <FormError message={formMessage(save.mutation.error, fields)} />
        <div className="actions">
          <button type="submit" className="primary" disabled={save.mutation.isPending}>
            Save rubric
          </button>
          <button type="button" onClick={reset.submit} disabled={reset.mutation.isPending}>
            Reset to the defaults
          </button>
        </div>
        <FormError message={reset.mutation.error?.message} />
        <p role="status" className="said">
          {said}
        </p>
      </form>
    </section>
  );
}

/*
 * The overrides to store: the workspace's current ones, with each value the form changed from the
 * one in force. A value left alone stays a default, so a later release's better default reaches it.
 */
function overridesFrom(settings: Settings, values: Record<string, string>, phrases: Record<string, string>) {
  const next = structuredClone(settings.overrides) as Record<string, unknown> & Overrides;
  for (const n of numbers) {
    const value = Number(values[pathOf(n)]);
    if (value === valueIn(settings, n)) continue;
    if (n.group) next[n.group] = { ...next[n.group], [n.key]: value };
    else (next as Record<string, unknown>)[n.key] = value;
  }
  const extra: Record<string, string[]> = {};
  for (const p of phraseKinds) {
    const lines = phrases[p.key]!.split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    if (lines.length) extra[p.key] = lines;
  }
  next.extraPhrases = extra;
  return next as Overrides;
}
