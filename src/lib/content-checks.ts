/**
 * Checks on content files that the zod schemas cannot make, and the messages for every content problem:
 * `file:line: field: reason`. The loader wrapper in src/content.config.ts reads the files and calls these.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import { invisibleCharacter } from './url-policy.ts';

/** Far above real content (the largest file is a few kB): a limit, so a huge file fails by name instead of exhausting memory. */
export const MAX_FILE_BYTES = 1_000_000;
/** Per text field; the longest note today is a few hundred characters. */
export const MAX_FIELD_CHARS = 20_000;

export type FieldPath = readonly (string | number)[];
export interface ContentProblem {
  path: FieldPath;
  message: string;
  line?: number | undefined;
}

/** A file too large to read, or empty; checked on its size alone, before it is read. */
export function sizeProblem(bytes: number): string | undefined {
  if (bytes === 0) return 'the file is empty';
  if (bytes > MAX_FILE_BYTES)
    return `the file is ${bytes.toLocaleString('en')} bytes, over the limit of ${MAX_FILE_BYTES.toLocaleString('en')}`;
  return undefined;
}

const isValidUtf8Prefix = (bytes: Uint8Array, end: number) => {
  try {
    // `stream`: a sequence cut at `end` is not an error, so validity only shrinks as `end` grows.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end), { stream: true });
    return true;
  } catch {
    return false;
  }
};

/** Where `bytes` stop being UTF-8 (a GBK file, a stray byte), or undefined when they are UTF-8. */
export function utf8Problem(bytes: Uint8Array): ContentProblem | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    // The longest valid prefix, by bisection; the byte after it is the first bad one.
    let lo = 0;
    let hi = bytes.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (isValidUtf8Prefix(bytes, mid)) lo = mid;
      else hi = mid - 1;
    }
    let line = 1;
    for (let i = 0; i < lo; i++) if (bytes[i] === 0x0a) line++;
    const byte = (bytes[lo] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return { path: [], line, message: `the file is not UTF-8 (byte 0x${byte} at offset ${lo}); save it as UTF-8` };
  }
}

/** Every string in `data` that is too long or carries an invisible format character or U+FFFD, with its path. */
export function textProblems(data: unknown, path: FieldPath = []): ContentProblem[] {
  if (typeof data === 'string') {
    if (data.length > MAX_FIELD_CHARS) {
      return [
        {
          path,
          message: `the text is ${data.length.toLocaleString('en')} characters, over the limit of ${MAX_FIELD_CHARS.toLocaleString('en')}`,
        },
      ];
    }
    // A byte-order mark is allowed only where editors leave one: the very start of a file, which the parser drops.
    const invisible = invisibleCharacter(data);
    if (invisible) return [{ path, message: `contains an invisible format character (${invisible}); delete it` }];
    const replaced = data.indexOf('\uFFFD');
    if (replaced >= 0) {
      return [
        {
          path,
          message: `contains U+FFFD at character ${replaced + 1}, the mark of text decoded with the wrong encoding`,
        },
      ];
    }
    return [];
  }
  if (Array.isArray(data)) return data.flatMap((item, i) => textProblems(item, [...path, i]));
  if (data !== null && typeof data === 'object' && !(data instanceof Date)) {
    return Object.entries(data).flatMap(([key, value]) => [
      ...textProblems(key, [...path, key]).map((p) => ({ ...p, message: `its field name ${p.message}` })),
      ...textProblems(value, [...path, key]),
    ]);
  }
  return [];
}

/** The parts of a zod issue that matter here (zod 4's issue shape, nested for unions). */
export interface SchemaIssue {
  code?: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
  errors?: readonly (readonly SchemaIssue[])[];
}

const fieldPath = (path: readonly PropertyKey[]): FieldPath => path.map((p) => (typeof p === 'number' ? p : String(p)));

/** zod's issues as problems: an unknown key is named as a field, a union by what its branches said. */
export function schemaProblems(issues: readonly SchemaIssue[], base: FieldPath = []): ContentProblem[] {
  return issues.flatMap((issue): ContentProblem[] => {
    const path = [...base, ...fieldPath(issue.path)];
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      return issue.keys.map((key) => ({
        path: [...path, key],
        message: 'unknown field: the schema has no field of this name',
      }));
    }
    if (issue.code === 'invalid_union' && issue.errors) {
      // A branch that failed on its type (a date where a string was written) says less than one that failed on the value.
      const telling = issue.errors.flat().filter((inner) => inner.code !== 'invalid_type');
      if (telling.length > 0) return schemaProblems(telling, path);
    }
    return [{ path, message: issue.message }];
  });
}

/** The 1-based line of the deepest node on `path` that the YAML has (a missing field: its parent). */
export function yamlLine(text: string, path: FieldPath, lineOffset = 0): number | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  let node: unknown = doc.contents;
  let found: Node | undefined;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
      if (!pair) break;
      found = (pair.key as Node | null) ?? found;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (!node) break;
      found = node as Node;
    } else break;
  }
  const offset = found?.range?.[0];
  return offset === undefined ? undefined : counter.linePos(offset).line + lineOffset;
}

/** Adds the line of each problem that has a field path and no line yet. */
export function locate(
  problems: readonly ContentProblem[],
  yamlText: string | undefined,
  lineOffset = 0,
): ContentProblem[] {
  if (yamlText === undefined) return [...problems];
  return problems.map((p) =>
    p.line !== undefined || p.path.length === 0 ? p : { ...p, line: yamlLine(yamlText, p.path, lineOffset) },
  );
}

/** One line per problem: `file:line: field: reason` (the line and field when there is one). */
export function formatProblems(file: string, problems: readonly ContentProblem[]): string {
  return problems
    .map((p) => `${file}${p.line ? `:${p.line}` : ''}: ${p.path.length > 0 ? `${p.path.join('.')}: ` : ''}${p.message}`)
    .join('\n');
}
