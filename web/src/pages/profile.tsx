// Placeholder until the page is written.
export default function ProfilePage() {
  return <h1>Profile</h1>;
}
