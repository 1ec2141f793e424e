/** Placeholder until the screen is built. */
export default function CatalogPage() {
  return <div>CatalogPage</div>;
}
