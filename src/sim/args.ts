// A small command-line option parser for the tools, with one-line messages for every mistake.
// Options are "--name value", "--name=value" or, for switches, "--name". Pure.

export type OptionKind = 'value' | 'switch';
export type OptionSpec = Readonly<Record<string, OptionKind>>;

export type ParsedArgs<S extends OptionSpec> = {
  [K in keyof S]?: S[K] extends 'switch' ? true : string;
};

export type ArgsResult<S extends OptionSpec> =
  { ok: true; values: ParsedArgs<S> } | { ok: false; message: string };

export function parseArgs<S extends OptionSpec>(argv: readonly string[], spec: S): ArgsResult<S> {
  const values: Record<string, string | true> = {};
  const known = Object.keys(spec)
    .map((n) => `--${n}`)
    .join(', ');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--') || arg === '--') {
      return { ok: false, message: `unexpected argument "${arg}" (options: ${known})` };
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (kind === undefined) return { ok: false, message: `unknown option --${name} (options: ${known})` };
    if (Object.hasOwn(values, name)) return { ok: false, message: `--${name} is given twice` };
    if (kind === 'switch') {
      if (eq !== -1) return { ok: false, message: `--${name} takes no value` };
      values[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq !== -1) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value !== undefined && value.startsWith('--')) value = undefined;
      else i++;
    }
    if (value === undefined || value === '') return { ok: false, message: `--${name} needs a value` };
    values[name] = value;
  }
  return { ok: true, values: values as ParsedArgs<S> };
}

/** A whole number within [min, max], written in plain decimal digits; null otherwise. */
export function parseWhole(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
}
