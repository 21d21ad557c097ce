/** The "which case is yours?" guide (/start/). */
import type { StringTable } from './types.ts';

export default {} as const satisfies StringTable;
