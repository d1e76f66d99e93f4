// Placeholder until the page is written.
export default function FavoritesPage() {
  return <h1>Favorites</h1>;
}
