/** Placeholder until the screen is built. */
export default function ProcedureEditPage() {
  return <div>ProcedureEditPage</div>;
}
