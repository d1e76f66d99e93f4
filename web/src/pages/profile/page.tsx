// My account: my names and e-mail, my avatar, my password, my API keys, and deleting the account. Each part is
// its own form with its own errors, so that a refused password does not lose an edited name.
import { useNavigate } from 'react-router';
import type { User } from '../../api/client';
import { $api } from '../../api/queries';
import { FormError } from '../../components/states';
import { useSession } from '../../session';
import { useTitle } from '../../use-title';
import { AccountForm } from './account-form';
import { ApiKeysSection } from './api-keys-section';
import { AvatarForm } from './avatar-form';
import { PasswordForm } from './password-form';

function DeleteAccount({ user }: { user: User }) {
  const session = useSession();
  const navigate = useNavigate();
  const remove = $api.useMutation('delete', '/api/v1/me', {
    // The service has ended every session; this forgets ours here (the sign-out call it makes
    // finds nothing left to revoke). The button stays busy until then.
    onSuccess: async () => {
      await session.signOut().catch(() => undefined);
      void navigate('/', { replace: true });
    },
  });

  const confirmAndRemove = () => {
    if (!window.confirm(`Delete the account ${user.username} and its favorites? This cannot be undone.`)) return;
    remove.mutate({});
  };

  return (
    <section aria-labelledby="delete-heading">
      <h2 id="delete-heading">Delete my account</h2>
      <p>Your account, your favorites and your avatar go, and every device you are signed in on is signed out.</p>
      <FormError error={remove.error} />
      <button type="button" className="danger" disabled={remove.isPending} onClick={confirmAndRemove}>
        {remove.isPending ? 'Deleting…' : 'Delete my account'}
      </button>
    </section>
  );
}

export default function ProfilePage() {
  useTitle('My account');
  const { user } = useSession();
  // The route lets only signed-in users in; after deleting the account there is none for a moment.
  if (!user) return null;
  return (
    <section className="narrow">
      <h1>My account</h1>
      <AccountForm user={user} />
      <AvatarForm user={user} />
      <PasswordForm />
      <ApiKeysSection />
      <DeleteAccount user={user} />
    </section>
  );
}
