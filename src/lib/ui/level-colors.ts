// One colour per pyramid level P2..P6, the same hues the /fpn-levels panel uses (plus P6, which only the RPN sees), so a
// level keeps its colour from stage to stage. Drawn over the scene picture, so one palette serves light and dark mode.
const LEVEL_COLORS = ['#0e7490', '#7c3aed', '#b45309', '#be123c', '#4d7c0f'] as const;

/** Colour of pyramid level k (2 = P2 … 6 = P6); levels outside that range get a neutral grey. */
export function levelColor(k: number): string {
	return LEVEL_COLORS[k - 2] ?? '#6b7280';
}
