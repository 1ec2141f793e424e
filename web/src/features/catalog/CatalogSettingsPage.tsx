/** Placeholder until the screen is built. */
export default function CatalogSettingsPage() {
  return <div>CatalogSettingsPage</div>;
}
