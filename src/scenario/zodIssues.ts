// Turns zod issues into short, plain messages ("expected a number, got "ten"") instead of zod's
// default text, one Issue per problem, each with the path of the place to edit.
import { z } from 'zod';
import { describeValue, didYouMean, type Issue, type Path } from './issues.ts';

type ZodIssue = z.core.$ZodIssue;

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
  null: 'null',
};

/** The keys an object schema at `path` accepts, following objects, lists, records and wrappers. */
export function allowedKeys(schema: z.ZodType, path: Path): string[] {
  let node: unknown = schema;
  for (let i = 0; ;) {
    if (node instanceof z.ZodOptional || node instanceof z.ZodDefault || node instanceof z.ZodLazy) {
      node = node.unwrap();
      continue;
    }
    if (i >= path.length) break;
    const key = path[i++];
    if (node instanceof z.ZodObject && typeof key === 'string') node = node.shape[key];
    else if (node instanceof z.ZodArray) node = node.element;
    else if (node instanceof z.ZodRecord) node = node.valueType;
    else return [];
  }
  if (node instanceof z.ZodObject) return Object.keys(node.shape);
  // A record keyed by an enum (e.g. score: kim, putin) accepts just those keys.
  if (node instanceof z.ZodRecord && node.keyType instanceof z.ZodEnum)
    return node.keyType.options.map(String);
  return [];
}

function numberBound(issue: { inclusive?: boolean }, bound: number | bigint, below: boolean): string {
  if (issue.inclusive === false) return `${below ? 'greater' : 'less'} than ${bound}`;
  return `${below ? 'at least' : 'at most'} ${bound}`;
}

type SizeIssue = z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig;

function sizeBound(issue: SizeIssue, bound: number | bigint, below: boolean): string {
  const input = issue.input;
  if (issue.origin === 'string') {
    if (below && bound === 1) return 'expected a non-empty string';
    const got = typeof input === 'string' ? `, got ${input.length}` : '';
    return `expected ${below ? 'at least' : 'at most'} ${bound} characters${got}`;
  }
  if (issue.origin === 'array') {
    const got = Array.isArray(input) ? `, got ${input.length}` : '';
    const how = issue.exact ? 'exactly' : below ? 'at least' : 'at most';
    return `expected ${how} ${bound} item${bound === 1 ? '' : 's'}${got}`;
  }
  const kind = issue.origin === 'int' ? 'a whole number' : 'a number';
  return `expected ${kind} ${numberBound(issue, bound, below)}, got ${describeValue(input)}`;
}

/** Chances (`chance`, a branch's `p`) are fractions of 1: "60" is most likely meant as 0.6. */
function percentHint(issue: z.core.$ZodIssueTooBig, path: Path): string {
  const key = path[path.length - 1];
  const v = issue.input;
  if ((key !== 'chance' && key !== 'p') || issue.maximum !== 1 || typeof v !== 'number') return '';
  if (v <= 1 || v > 100) return '';
  return `; chances are fractions of 1: did you mean ${v / 100}?`;
}

function isDefaultMessage(message: string): boolean {
  return /^(Invalid|Too|Unrecognized|Expected)\b/.test(message);
}

/** One plain message for a zod issue; `schema` is the root schema (to list allowed keys). */
export function formatZodIssue(issue: ZodIssue, schema: z.ZodType): Issue[] {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      if (issue.input === undefined && path.length > 0) {
        const key = path[path.length - 1]!;
        return [{ path: path.slice(0, -1), message: `missing "${String(key)}": expected ${expected}` }];
      }
      return [{ path, message: `expected ${expected}, got ${describeValue(issue.input)}` }];
    }
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schema, path);
      return issue.keys.map((key) => ({
        path: [...path, key],
        at: 'key' as const,
        message: `unknown key "${key}" (allowed: ${allowed.join(', ')})${didYouMean(key, allowed)}`,
      }));
    }
    case 'invalid_value': {
      const values = issue.values.map((v) => String(v)).join(', ');
      const got = describeValue(issue.input);
      const long = issue.values.length > 3;
      const hint =
        long && typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : '';
      return [{ path, message: `expected one of ${values}, got ${got}${hint}` }];
    }
    case 'too_small':
      return [{ path, message: sizeBound(issue, issue.minimum, true) }];
    case 'too_big':
      return [{ path, message: sizeBound(issue, issue.maximum, false) + percentHint(issue, path) }];
    case 'invalid_format': {
      const what = isDefaultMessage(issue.message)
        ? `a string matching ${issue.pattern ?? issue.format}`
        : issue.message;
      return [{ path, message: `expected ${what}, got ${describeValue(issue.input)}` }];
    }
    case 'invalid_key': {
      // The key itself is named up front, so drop the inner ", got ..." that repeats it.
      const inner = issue.issues
        .flatMap((i) => formatZodIssue(i, schema))
        .map((i) => i.message.replace(/, got .*$/, ''));
      const key = String(path[path.length - 1] ?? issue.input);
      return [{ path, at: 'key', message: `bad key "${key}": ${inner.join('; ') || 'not allowed here'}` }];
    }
    case 'not_multiple_of':
      return [
        { path, message: `expected a multiple of ${issue.divisor}, got ${describeValue(issue.input)}` },
      ];
    case 'custom': {
      if (issue.params?.['sentence'] === true) return [{ path, message: issue.message }];
      return [
        { path, message: isDefaultMessage(issue.message) ? 'invalid value' : `expected ${issue.message}` },
      ];
    }
    default:
      return [{ path, message: issue.message }];
  }
}

/** Validates `data` against `schema`: the parsed value, or plain-worded issues. */
export function checkShape<S extends z.ZodType>(
  schema: S,
  data: unknown,
): { ok: true; value: z.output<S> } | { ok: false; issues: Issue[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, issues: result.error.issues.flatMap((i) => formatZodIssue(i, schema)) };
}
