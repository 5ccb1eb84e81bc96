/** Every dashboard query starts with this key: the live stream invalidates them together. */
export const dashboardKey = ['dashboard'] as const;
