/** External link statuses, as shown beside each link. */
import type { StringTable } from './types.ts';

export default {} as const satisfies StringTable;
