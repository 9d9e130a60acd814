// Reads YAML keeping source positions, and maps a data path back to a line and column, so every
// problem can point at the place an author has to edit.
import {
  LineCounter,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseDocument,
  type Document,
  type Node,
} from 'yaml';
import type { Path, PathKey } from './issues.ts';

export interface Position {
  line: number;
  column: number;
}

export interface YamlText {
  doc: Document;
  lines: LineCounter;
}

export interface YamlSyntaxProblem extends Position {
  path: Path;
  message: string;
}

/** Parses YAML without throwing. Duplicate keys are errors (the yaml package's `uniqueKeys`). */
export function readYaml(text: string): { yaml: YamlText; problems: YamlSyntaxProblem[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  const problems: YamlSyntaxProblem[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    const { line, col } = error.linePos?.[0] ?? lines.linePos(error.pos[0]);
    // The yaml package appends " at line L, column C:" and a code excerpt; the position is ours to give.
    const head = error.message.split(/ at line \d+, column \d+/)[0]!.trim();
    if (error.code === 'MULTIPLE_DOCS') {
      problems.push({
        line,
        column: col,
        path: [],
        message: 'YAML: a scenario file holds one document (remove the "---" line)',
      });
    } else if (error.code === 'DUPLICATE_KEY') {
      const path = pathAt(doc, error.pos[0]);
      const key = path[path.length - 1];
      const message = key === undefined ? 'duplicate key' : `duplicate key "${String(key)}"`;
      problems.push({ line, column: col, path: path.slice(0, -1), message });
    } else {
      problems.push({ line, column: col, path: [], message: `YAML: ${lowerFirst(head)}` });
    }
  }
  return { yaml: { doc, lines }, problems: firstOfCascade(problems) };
}

/**
 * A syntax error (bad indentation, an unclosed bracket) makes the parser misread what follows it,
 * so the errors after the first are its echoes: keep the first, and say how many followed.
 */
function firstOfCascade(problems: YamlSyntaxProblem[]): YamlSyntaxProblem[] {
  const syntax = problems.filter((p) => p.message.startsWith('YAML: ') && p.path.length === 0);
  if (syntax.length < 2) return problems;
  const first = problems.toSorted((a, b) => a.line - b.line || a.column - b.column)[0]!;
  const more = problems.length - 1;
  const message = `${first.message} (and ${more} more error${more === 1 ? '' : 's'} that follow from it)`;
  return [{ ...first, message }];
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

function resolved(doc: Document, node: unknown): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

function keyMatches(key: unknown, want: PathKey): boolean {
  return isScalar(key) ? String(key.value) === String(want) : String(key) === String(want);
}

/**
 * The node at `path` (or the key node of its last segment with at = 'key'). Falls back to the
 * nearest existing parent when the path goes further than the document (a missing key).
 */
export function nodeAt(doc: Document, path: Path, at?: 'key'): Node | undefined {
  let node = resolved(doc, doc.contents) as Node | null;
  let found: Node | undefined = node ?? undefined;
  for (let i = 0; i < path.length && node; i++) {
    const key = path[i]!;
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyMatches(p.key, key));
      if (pair && at === 'key' && i === path.length - 1 && isScalar(pair.key)) return pair.key;
      next = pair?.value;
    } else if (isSeq(node) && typeof key === 'number') {
      next = node.items[key];
    }
    node = resolved(doc, next) as Node | null;
    if (node && typeof node === 'object' && 'range' in node) found = node;
    else break;
  }
  return found;
}

export function positionOf(yaml: YamlText, path: Path, at?: 'key'): Position | undefined {
  const node = nodeAt(yaml.doc, path, at);
  const offset = node?.range?.[0];
  if (offset === undefined) return undefined;
  const { line, col } = yaml.lines.linePos(offset);
  return { line, column: col };
}

/** The data path of the innermost node whose source range holds `offset`. */
export function pathAt(doc: Document, offset: number): PathKey[] {
  const path: PathKey[] = [];
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && spans(p.key, offset, p.value));
      if (!pair) break;
      path.push(isScalar(pair.key) ? String(pair.key.value) : String(pair.key));
      if (within(pair.key, offset)) break;
      node = pair.value;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => within(item, offset));
      if (index < 0) break;
      path.push(index);
      node = node.items[index];
    } else break;
  }
  return path;
}

function within(node: unknown, offset: number): boolean {
  const range = (node as Node | null)?.range;
  return range !== undefined && range !== null && offset >= range[0] && offset < range[2];
}

function spans(key: unknown, offset: number, value: unknown): boolean {
  const start = (key as Node | null)?.range?.[0];
  const end = (value as Node | null)?.range?.[2] ?? (key as Node | null)?.range?.[2];
  return start !== undefined && end !== undefined && offset >= start && offset < end;
}
