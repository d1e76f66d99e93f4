// Placeholder until the page is written.
export default function MovieEditorPage() {
  return <h1>MovieEditor</h1>;
}
