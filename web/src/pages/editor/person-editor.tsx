// Placeholder until the page is written.
export default function PersonEditorPage() {
  return <h1>PersonEditor</h1>;
}
