/**
 * The "which case is yours?" guide as a graph: questions whose answers lead to other questions or to outcomes.
 * Checked once per build: every answer leads somewhere, every node is reachable, every outcome exists in every language.
 */
import type { Question } from '../schemas/start';

export const START = 'start';

export interface Guide {
  questions: ReadonlyMap<string, Question>;
  outcomes: ReadonlySet<string>;
  /** For each node, the questions that lead to it (the way back). */
  parents: ReadonlyMap<string, string[]>;
}

/** `outcomesByLang`: each language's outcome ids. Throws with every problem named. */
export function buildGuide(
  questions: ReadonlyMap<string, Question>,
  outcomesByLang: Record<string, readonly string[]>,
): Guide {
  const problems: string[] = [];
  const langs = Object.keys(outcomesByLang);
  const outcomes = new Set(langs.flatMap((l) => outcomesByLang[l] ?? []));
  for (const id of outcomes) {
    const missing = langs.filter((l) => !outcomesByLang[l]?.includes(id));
    if (missing.length > 0)
      problems.push(`outcome "${id}" has no file for ${missing.join(', ')} (content/start/outcomes/<lang>/${id}.mdx)`);
    if (questions.has(id)) problems.push(`"${id}" is both a question and an outcome`);
  }
  if (!questions.has(START)) problems.push(`content/start/questions.yaml has no "${START}" question`);
  const parents = new Map<string, string[]>();
  for (const [id, q] of questions) {
    q.answers.forEach((a, i) => {
      if (!questions.has(a.next) && !outcomes.has(a.next)) {
        problems.push(
          `content/start/questions.yaml: ${id}.answers.${i}.next "${a.next}" is neither a question nor an outcome`,
        );
      }
      const list = parents.get(a.next) ?? [];
      if (!list.includes(id)) list.push(id);
      parents.set(a.next, list);
    });
  }
  const reached = new Set<string>();
  const visit = (id: string) => {
    if (reached.has(id)) return;
    reached.add(id);
    questions.get(id)?.answers.forEach((a) => visit(a.next));
  };
  if (questions.has(START)) visit(START);
  for (const id of [...questions.keys(), ...outcomes]) {
    if (!reached.has(id)) problems.push(`"${id}" cannot be reached from the "${START}" question`);
  }
  if (problems.length > 0)
    throw new Error(`The start guide has ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
  return { questions, outcomes, parents };
}

/** The page path of a node: the first question is /start/ itself. */
export function nodePath(id: string): string {
  return id === START ? '/start/' : `/start/${id}/`;
}
