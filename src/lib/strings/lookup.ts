/** The filing-number lookup and the header search's no-JavaScript text. */
import type { StringTable } from './types.ts';

export default {} as const satisfies StringTable;
