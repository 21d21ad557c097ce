/** Metadata, feeds, 404 suggestions, print, "report a problem". */
import type { StringTable } from './types.ts';

export default {} as const satisfies StringTable;
