/** Reads the fleet dashboard's panels and PromQL, for the tests that hold it to what the kiosk exports. */

export interface DashboardPanel {
  type: string;
  title: string;
  targets?: { expr?: string }[];
  panels?: DashboardPanel[];
}

export interface Dashboard {
  panels: DashboardPanel[];
  templating: { list: { name: string }[] };
}

/** Every panel, rows' nested panels included. */
export function dashboardPanels(dashboard: Dashboard): DashboardPanel[] {
  return dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);
}

/** Every query of every panel with the panel it belongs to. */
export function dashboardQueries(dashboard: Dashboard): { title: string; expr: string }[] {
  return dashboardPanels(dashboard).flatMap((p) =>
    (p.targets ?? []).flatMap((t) => (t.expr ? [{ title: p.title, expr: t.expr }] : [])),
  );
}

/** Metric names a PromQL expression selects: identifiers directly followed by a `{…}` selector. */
export function selectedMetrics(expr: string): string[] {
  return [...expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\s*\{/g)].map((m) => m[1] as string);
}
