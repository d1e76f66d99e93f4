// Adding a person (/persons/new) or changing one (/persons/:id/edit): name, gender, birth date,
// country, biography, and the photo gallery. Photos belong to a person that exists, so on a new
// person the chosen files go up after the create; on an edit each photo action is sent at once.
// The person is read again under the editor (after each photo action, a save, signing in again):
// the form keeps what it opened with, the gallery follows the answers, and a failure of such a
// read takes neither away.
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { type PersonDetails, api, fileUpload, unwrap } from '../../../api/client';
import { $api, CATALOGUE, invalidate, personDetails, queryClient } from '../../../api/queries';
import { type Country, CountryPicker } from '../../../components/country-picker';
import { Field } from '../../../components/field';
import { ErrorState, FormError, Loading, messageOf } from '../../../components/states';
import { fullName } from '../../../format';
import { fieldError, optionalText, textField } from '../../../forms';
import { useTitle } from '../../../use-title';
import { NewPhotosField, PhotoGallery } from './photos';

type Gender = PersonDetails['gender'];

const GENDERS: { value: Gender; label: string }[] = [
  { value: 'unknown', label: 'Unknown' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'non_binary', label: 'Non-binary' },
];

/** What the edit page says on arrival, when a create saved the person but not every photo. */
interface ArrivalNotice {
  notice: string;
}

const isNotice = (state: unknown): state is ArrivalNotice =>
  typeof state === 'object' && state !== null && typeof (state as { notice?: unknown }).notice === 'string';

export default function PersonEditorPage() {
  const { id } = useParams();
  const personId = id === undefined ? null : Number(id);
  const valid = personId === null || (Number.isInteger(personId) && personId >= 1);
  const loaded = useQuery({ ...personDetails(personId ?? 0), enabled: personId !== null && valid });
  const name = loaded.data ? fullName(loaded.data) : undefined;
  useTitle(personId === null ? 'New person' : name ? `Edit ${name}` : 'Edit person');

  if (personId === null) return <PersonForm key="new" person={null} />;
  if (!valid) return <ErrorState error={new Error('No person has this address.')} />;
  // A failed first read only: once the form is open, reading the person again may fail without it.
  if (loaded.isError && !loaded.data) return <ErrorState error={loaded.error} retry={() => void loaded.refetch()} />;
  // Loading too while the address changes (from an edit to /persons/new): the old person must not show.
  if (!loaded.data) return <Loading />;
  return <PersonForm key={personId} person={loaded.data} />;
}

/** `person` is the latest answer, which the gallery shows; the fields start from the first. */
function PersonForm({ person: latest }: { person: PersonDetails | null }) {
  const [person] = useState(latest);
  const navigate = useNavigate();
  const location = useLocation();
  const [country, setCountry] = useState<Country | null>(person?.country ?? null);
  const [newPhotos, setNewPhotos] = useState<File[]>([]);
  // Shown once: taken out of the history entry, so that a reload does not bring it back.
  const [notice] = useState(() => (isNotice(location.state) ? location.state.notice : undefined));
  useEffect(() => {
    if (isNotice(location.state)) void navigate(location.pathname, { replace: true, state: null });
  }, [location.state, location.pathname, navigate]);

  const save = useMutation({
    mutationFn: async (form: FormData) => {
      const body = {
        firstName: textField(form, 'firstName').trim(),
        lastName: textField(form, 'lastName').trim(),
        gender: GENDERS.find((g) => g.value === textField(form, 'gender'))?.value ?? 'unknown',
        birthDate: optionalText(form, 'birthDate') ?? null,
        biography: optionalText(form, 'biography') ?? null,
        countryId: country?.id ?? null,
      };
      if (person) {
        await unwrap(api.PATCH('/api/v1/persons/{id}', { params: { path: { id: person.id } }, body }));
        return { saved: person, failed: [] };
      }
      const created = await unwrap(api.POST('/api/v1/persons', { body }));
      const failed: string[] = [];
      for (const file of newPhotos) {
        try {
          await unwrap(api.POST('/api/v1/persons/{id}/photos', { params: { path: { id: created.id } }, ...fileUpload(file) }));
        } catch (reason) {
          failed.push(`${file.name}: ${messageOf(reason)}`);
        }
      }
      return { saved: created, failed };
    },
    // Busy until the pages that show the person have their new answers, then off to their page.
    onSuccess: async ({ saved, failed }) => {
      await invalidate(CATALOGUE);
      if (failed.length === 0) return void navigate(`/persons/${saved.id}`);
      // The person exists: the rest is done on their edit page, which says what did not upload.
      const state: ArrivalNotice = { notice: `${fullName(saved)} was created, but not every photo uploaded (${failed.join('; ')}).` };
      void navigate(`/persons/${saved.id}/edit`, { replace: true, state });
    },
  });
  // A 409 says they still direct or play in something: its detail says so, shown as it is.
  const remove = $api.useMutation('delete', '/api/v1/persons/{id}', {
    onSuccess: (_, { params }) => {
      // The editor still reads the person until the page leaves: their answer goes first, so that
      // nothing asks for the person deleted (and keeps its 404).
      queryClient.removeQueries({ queryKey: personDetails(params.path.id).queryKey });
      void navigate('/', { replace: true });
      void invalidate(CATALOGUE);
    },
  });
  const busy = save.isPending || remove.isPending;
  const error = save.error ?? remove.error;
  const errorOf = (field: string) => fieldError(error, field);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    remove.reset();
    save.mutate(new FormData(event.currentTarget));
  };

  const confirmAndRemove = () => {
    if (!person || !confirm(`Delete ${fullName(person)}? Their photos go with them. This cannot be undone.`)) return;
    save.reset();
    remove.mutate({ params: { path: { id: person.id } } });
  };

  return (
    <section className="editor editor-narrow">
      <h1>{person ? `Edit ${fullName(person)}` : 'New person'}</h1>
      {person && (
        <p>
          <Link to={`/persons/${person.id}`}>Back to their page</Link>
        </p>
      )}
      {notice && (
        <p className="form-error" role="alert">
          {notice}
        </p>
      )}
      <form className="form" onSubmit={submit} aria-busy={busy}>
        <Field label="First name" error={errorOf('firstName')}>
          {(control) => (
            <input
              {...control}
              name="firstName"
              required
              maxLength={100}
              autoComplete="off"
              defaultValue={person?.firstName ?? ''}
              autoFocus={!person}
            />
          )}
        </Field>
        <Field label="Last name (may be empty)" error={errorOf('lastName')}>
          {(control) => <input {...control} name="lastName" maxLength={100} autoComplete="off" defaultValue={person?.lastName ?? ''} />}
        </Field>
        <Field label="Gender" error={errorOf('gender')}>
          {(control) => (
            <select {...control} name="gender" defaultValue={person?.gender ?? 'unknown'}>
              {GENDERS.map((g) => (
                <option key={g.value} value={g.value}>
                  {g.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Birth date" error={errorOf('birthDate')}>
          {(control) => <input {...control} name="birthDate" type="date" min="0001-01-01" defaultValue={person?.birthDate ?? ''} />}
        </Field>
        <CountryPicker label="Country" value={country} onChange={setCountry} error={errorOf('countryId')} />
        <Field label="Biography" error={errorOf('biography')}>
          {(control) => <textarea {...control} name="biography" rows={6} maxLength={20000} defaultValue={person?.biography ?? ''} />}
        </Field>
        {!person && <NewPhotosField files={newPhotos} onChange={setNewPhotos} />}
        <FormError error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={busy}>
            {person ? 'Save changes' : 'Create person'}
          </button>
          {person && (
            <button type="button" className="danger" disabled={busy} onClick={confirmAndRemove}>
              Delete person
            </button>
          )}
        </div>
        {busy && <Loading label="Saving…" />}
      </form>
      {latest && <PhotoGallery person={latest} />}
    </section>
  );
}
