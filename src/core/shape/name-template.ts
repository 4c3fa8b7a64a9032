/** The placeholders a name template may use. */
export const namePlaceholders = ['name', 'date', 'time', 'transport'] as const;
type Placeholder = (typeof namePlaceholders)[number];

const isPlaceholder = (value: string): value is Placeholder =>
  (namePlaceholders as readonly string[]).includes(value);

/** What a template's placeholders are filled with. */
export interface NameValues {
  /** The sequence's own name. */
  name: string;
  /** Epoch ms of the first point kept after shaping. */
  startMs: number;
  /** The transport method (`Paddleboard`), or undefined when the folder names none. */
  transport?: string;
  /** IANA zone for {date} and {time}; the machine's own zone when left out. */
  timeZone?: string;
}

const token = /\{([^{}]*)\}/g;

/**
 * What is wrong with a template, in words, or undefined when it is usable. Unknown
 * placeholders are refused rather than sent as typed: `{data}` in a hundred activity
 * names is worse than an error before anything is sent.
 */
export function nameTemplateProblem(template: string): string | undefined {
  if (template.trim() === '') return 'it is empty';
  for (const match of template.matchAll(token)) {
    const name = match[1] ?? '';
    if (!isPlaceholder(name)) {
      return `{${name}} is not a placeholder (${namePlaceholders.map((p) => `{${p}}`).join(', ')} are)`;
    }
  }
  const rest = template.replace(token, '');
  if (rest.includes('{') || rest.includes('}'))
    return 'it has a { or } that is not part of a placeholder';
  return undefined;
}

/** The local date (YYYY-MM-DD) and time (HH:MM) of an instant, in `timeZone` or the machine's zone. */
export function localDateTime(ms: number, timeZone?: string): { date: string; time: string } {
  const format = new Intl.DateTimeFormat('en-GB', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone === undefined ? {} : { timeZone }),
  });
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    format.formatToParts(ms).find((p) => p.type === type)?.value ?? '';
  return {
    date: `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

/** Fills a template checked by nameTemplateProblem; spaces left by an empty value are tidied. */
export function renderName(template: string, values: NameValues): string {
  const { date, time } = localDateTime(values.startMs, values.timeZone);
  const filled: Record<Placeholder, string> = {
    name: values.name,
    date,
    time,
    transport: values.transport ?? '',
  };
  const text = template.replace(token, (whole, name: string) =>
    isPlaceholder(name) ? filled[name] : whole,
  );
  return text.replace(/\s+/g, ' ').trim();
}
