/**
 * A glob() loader that fails the build on a content defect, naming the file, line, field and reason: a file too
 * large to read, not UTF-8, empty or without data, invisible format characters or over-long text, and schema errors
 * located on their YAML line (Astro's own message has neither the line nor a readable root-level path).
 */
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { AstroError } from 'astro/errors';
import type { z } from 'astro/zod';
import { glob as listFiles, readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  formatProblems,
  locate,
  schemaProblems,
  sizeProblem,
  textProblems,
  utf8Problem,
  type ContentProblem,
} from '../lib/content-checks';

type EntryType = {
  getEntryInfo(params: {
    fileUrl: URL;
    contents: string;
  }): Promise<{ data: unknown; rawData?: string }> | { data: unknown; rawData?: string };
};
type GlobOptions = Parameters<typeof glob>[0] & { pattern: string; base: string };

/** Thrown for a content defect: one line per problem, `file:line: field: reason`, located at the first. */
function contentError(file: string, problems: ContentProblem[]): Error {
  const shown = relative(process.cwd(), file);
  const name = shown.startsWith('..') || isAbsolute(shown) ? file : shown;
  const error = new AstroError(formatProblems(name, problems));
  error.name = 'ContentError';
  const line = problems.find((p) => p.line)?.line;
  if (line) Object.assign(error, { loc: { file, line, column: 1 } });
  error.stack = ''; // the checker's own frames say nothing about the file
  return error;
}

/**
 * Astro's glob() loader, plus what it does not check: each file's size before it is read, that it is UTF-8 and not
 * empty, every string's length and invisible characters, and `extra` checks on the parsed data. Schema errors are
 * reported with the field's line (Astro gives none) and root-level ones by name.
 */
export function checkedGlob(
  options: GlobOptions,
  schema: z.ZodType,
  extra?: (data: unknown) => ContentProblem[],
): Loader {
  const inner = glob(options);
  return {
    name: 'checked-glob',
    load: async (context) => {
      const base = fileURLToPath(new URL(options.base.replace(/\/?$/, '/'), context.config.root));
      for await (const entry of listFiles(options.pattern, { cwd: base })) {
        const file = join(base, entry);
        const problem = sizeProblem((await stat(file)).size);
        if (problem) throw contentError(file, [{ path: [], message: problem }]);
      }
      const yamlText = new Map<string, { text: string; lineOffset: number }>(); // for the lines of schema errors
      const types = (context as LoaderContext & { entryTypes: Map<string, EntryType> }).entryTypes;
      const entryTypes = new Map(
        [...types].map(([ext, type]) => [
          ext,
          {
            ...type,
            async getEntryInfo(params: { fileUrl: URL; contents: string }) {
              const file = fileURLToPath(params.fileUrl);
              if (params.contents.includes('\uFFFD')) {
                const problem = utf8Problem(await readFile(file));
                if (problem) throw contentError(file, [problem]);
              }
              if (params.contents.trim() === '')
                throw contentError(file, [{ path: [], message: 'the file is empty (only blank lines)' }]);
              let info;
              try {
                info = await type.getEntryInfo(params);
              } catch (error) {
                throw parseError(file, error);
              }
              if (info.data == null)
                throw contentError(file, [{ path: [], message: 'the file has no data, only comments or blank lines' }]);
              // YAML files give their whole text, Markdown and MDX their frontmatter, which starts on line 2.
              if (info.rawData !== undefined)
                yamlText.set(file, { text: info.rawData, lineOffset: ext === '.yaml' || ext === '.yml' ? 0 : 1 });
              return info;
            },
          },
        ]),
      );
      const parseData: LoaderContext['parseData'] = async (props) => {
        const file = props.filePath ?? props.id;
        const where = yamlText.get(file);
        const fail = (problems: ContentProblem[]) =>
          contentError(file, locate(problems, where?.text, where?.lineOffset));
        const text = textProblems(props.data);
        if (text.length > 0) throw fail(text);
        let data;
        try {
          data = await context.parseData(props);
        } catch (error) {
          // Astro's message has no lines and prints a root-level problem as `****`: parse again for the issues themselves.
          const result = await schema.safeParseAsync(props.data);
          if (result.success) throw error;
          throw fail(schemaProblems(result.error.issues));
        }
        const problems = extra?.(data) ?? [];
        if (problems.length > 0) throw fail(problems);
        return data;
      };
      return inner.load({ ...context, entryTypes, parseData } as LoaderContext);
    },
  };
}

/** A YAML or frontmatter syntax error from Astro's parser, as a content error with its line. */
function parseError(file: string, error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const loc = (error as { loc?: { line?: number } }).loc;
  const mark = (error as { mark?: { line: number } }).mark; // js-yaml's, 0-based in the frontmatter
  const line = loc?.line ?? (mark ? mark.line + 2 : undefined);
  // Astro's message starts with the entry's path relative to somewhere else: "**../x.yaml** failed to parse: …".
  const reason = error.message.replace(/^[\s\S]*? failed to parse: /, '').replace(/\n[\s\S]*/, '');
  return contentError(file, [{ path: [], line, message: `not valid YAML: ${reason}` }]);
}
