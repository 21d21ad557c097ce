/**
 * The 404's "did you mean": a missing address close to a real one. /provinces/tibet/ → xizang (by its alias),
 * /provinces/Guangdong/ → guangdong (case), /provinces/guangdon/ → guangdong (a typo), /procedures/ → /procedure/.
 */
export interface NearMissTarget {
  /** The page's language-neutral path, e.g. "/provinces/xizang/". */
  path: string;
  /** Every name it may be reached by, in any case and spacing: slug, names, aliases. */
  names: readonly string[];
}

/** Lower case, letters and CJK only: "Xi Zang" and "xi-zang" are "xizang". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    if (Math.min(...row) > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/** How many typos a word of this length may carry and still be recognised. */
const allowance = (word: string) => (word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0);

/**
 * The target closest to a missing path (language-neutral, e.g. "/provinces/Tibet/"), or null. The path's last
 * segment is compared with every name; an exact name wins, then the fewest typos.
 */
export function nearMiss(path: string, targets: readonly NearMissTarget[]): NearMissTarget | null {
  let segments: string[];
  try {
    segments = decodeURIComponent(path).split('/').filter(Boolean);
  } catch {
    segments = path.split('/').filter(Boolean);
  }
  const word = normaliseName(segments.at(-1)?.replace(/\.html?$/i, '') ?? '');
  if (!word) return null;
  let best: { target: NearMissTarget; distance: number } | null = null;
  for (const target of targets) {
    for (const name of target.names) {
      const candidate = normaliseName(name);
      if (!candidate) continue;
      const limit = allowance(candidate);
      const distance = candidate === word ? 0 : editDistance(word, candidate, limit);
      if (distance <= limit && (!best || distance < best.distance)) best = { target, distance };
    }
  }
  return best?.target ?? null;
}
