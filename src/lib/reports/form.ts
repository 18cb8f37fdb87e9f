/**
 * A report sent as a form (without JavaScript, or by the form's script) read into the JSON shape,
 * so both ways in go through the same schema. Browser-safe.
 */
import { reportFields } from './schema';

/** "3" becomes 3 so the schema judges numbers; anything else stays text and fails as text. */
function numberFromField(value: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
}

/**
 * A form-encoded report in the JSON shape, so both paths go through the same schema. Unknown
 * names are kept for the schema to refuse; Object.fromEntries defines "__proto__" as a plain key.
 * A page without JavaScript cannot make an id, so one is made here when the form sends none.
 */
export function reportFromForm(
  form: URLSearchParams,
  makeId: () => string = () => crypto.randomUUID(),
): Record<string, unknown> {
  const fields: [string, unknown][] = [];
  const counts: [string, unknown][] = [];
  const countPrefix = `${reportFields.counts}.`;
  for (const name of new Set(form.keys())) {
    const values = form.getAll(name);
    const single = values.length === 1 ? values[0] : values;
    if (name === reportFields.id && values.length === 1 && single === '') continue;
    if (name === reportFields.targets) fields.push([name, values]);
    else if (name.startsWith(countPrefix)) {
      // An empty box means none on that channel.
      if (typeof single === 'string' && single.trim() === '') continue;
      counts.push([
        name.slice(countPrefix.length),
        typeof single === 'string' ? numberFromField(single) : single,
      ]);
    } else if (name === reportFields.startedAt)
      fields.push([name, typeof single === 'string' ? numberFromField(single) : single]);
    else fields.push([name, single]);
  }
  fields.push([reportFields.counts, Object.fromEntries(counts)]);
  if ((form.get(reportFields.id) ?? '').trim() === '') fields.push([reportFields.id, makeId()]);
  return Object.fromEntries(fields);
}
