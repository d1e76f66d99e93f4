// Placeholder until the page is written.
export default function UsersPage() {
  return <h1>Users</h1>;
}
