/**
 * 003 §2's 十件实事, in the order it prints them (保安、保洁、消防、电动车停放充电、电梯故障、车辆停放、下水道堵塞、
 * 路面破损、公共照明、绿地裸露): practical matters and complaints are both sorted by them. Pure data, shared
 * with the console (its enum labels in both languages).
 */
export const TEN_MATTERS = {
  SECURITY: { zh: '保安', en: 'Security guards' },
  CLEANING: { zh: '保洁', en: 'Cleaning' },
  FIRE_SAFETY: { zh: '消防', en: 'Fire safety' },
  EBIKE: { zh: '电动车停放充电', en: 'E-bike parking and charging' },
  ELEVATOR: { zh: '电梯故障', en: 'Lift faults' },
  PARKING: { zh: '车辆停放', en: 'Car parking' },
  DRAINAGE: { zh: '下水道堵塞', en: 'Blocked drains' },
  ROAD: { zh: '路面破损', en: 'Damaged paving' },
  LIGHTING: { zh: '公共照明', en: 'Public lighting' },
  GREENERY: { zh: '绿地裸露', en: 'Bare green space' },
} as const;

export type TenMatter = keyof typeof TEN_MATTERS;

/** The ten as enum members (SECURITY: 'SECURITY', …), to spread into an enum object. */
export const TEN_MATTER_KEYS = Object.fromEntries(Object.keys(TEN_MATTERS).map((k) => [k, k])) as { readonly [K in TenMatter]: K };

/** The labels of the ten in one language, to spread into an enum's messages. */
export const tenMatterLabels = (lang: 'zh' | 'en') => Object.fromEntries(Object.entries(TEN_MATTERS).map(([k, v]) => [k, v[lang]])) as Record<TenMatter, string>;

/** The schema's descriptions of the ten (the word 003 prints). */
export const tenMatterDescriptions = () => Object.fromEntries(Object.entries(TEN_MATTERS).map(([k, v]) => [k, { description: v.zh }])) as Record<TenMatter, { description: string }>;
