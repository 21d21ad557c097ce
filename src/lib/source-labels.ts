/** True when every source of a fact is third-party: the page then says so in words. */
export function onlyThirdParty(sources: readonly { strength: string }[]): boolean {
  return sources.length > 0 && sources.every((s) => s.strength === 'third-party');
}
