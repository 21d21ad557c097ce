/** The seven regions the Chinese seed groups provinces by (东北, 华北, 华东, 华南, 华中, 西北, 西南), in its order. */
export const REGIONS = ['northeast', 'north', 'east', 'south', 'central', 'northwest', 'southwest'] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_NAMES: Record<Region, { zh: string; en: string }> = {
  northeast: { zh: '东北', en: 'Northeast' },
  north: { zh: '华北', en: 'North' },
  east: { zh: '华东', en: 'East' },
  south: { zh: '华南', en: 'South' },
  central: { zh: '华中', en: 'Central' },
  northwest: { zh: '西北', en: 'Northwest' },
  southwest: { zh: '西南', en: 'Southwest' },
};
