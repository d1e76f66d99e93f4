// GET /departments: TMDB's twelve crew departments, by id.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';

const t = useTestApp();

describe('GET /api/v1/departments', () => {
  it("answers TMDB's twelve departments in id order", async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/departments' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      items: [
        'Directing',
        'Writing',
        'Production',
        'Editing',
        'Camera',
        'Sound',
        'Art',
        'Costume & Make-Up',
        'Crew',
        'Visual Effects',
        'Lighting',
        'Actors',
      ].map((name, i) => ({ id: i + 1, name })),
    });
    expect(response.headers.etag).toMatch(/^W\/".+"$/);
  });
});
