export function ReportsPage() {
  return <h1>ReportsPage</h1>;
}
export function ReportPage() {
  return <h1>ReportPage</h1>;
}
