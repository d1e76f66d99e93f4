// Placeholder until the page is written.
export default function GenresPage() {
  return <h1>Genres</h1>;
}
