/** Province pages and the province index. */
import type { StringTable } from './types.ts';

export default {} as const satisfies StringTable;
