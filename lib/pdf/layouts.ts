/** Badge PDF layouts: one A6 page per badge, or four A6 cards per A4 sheet with cut marks. */
export const BADGE_LAYOUTS = ["a4-4up", "a6"] as const;
export type BadgeLayout = (typeof BADGE_LAYOUTS)[number];
