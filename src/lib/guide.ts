import { getCollection } from 'astro:content';
import { buildGuide, type Guide } from './start-guide';

let guide: Promise<Guide> | undefined;

/** The start guide's graph, loaded and checked once per build. */
export function getGuide(): Promise<Guide> {
  guide ??= load();
  return guide;
}

async function load(): Promise<Guide> {
  const [questions, outcomes] = await Promise.all([getCollection('startQuestions'), getCollection('startOutcomes')]);
  const byLang: Record<string, string[]> = {};
  for (const o of outcomes) {
    const [lang = '', id = ''] = o.id.split('/');
    (byLang[lang] ??= []).push(id);
  }
  return buildGuide(new Map(questions.map((q) => [q.id, q.data])), byLang);
}
