export function NewReportPage() {
  return <h1>NewReportPage</h1>;
}
export function EditReportPage() {
  return <h1>EditReportPage</h1>;
}
