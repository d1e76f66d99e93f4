// The house's import rules (docs/architecture.md), checked by `npm run check`: no cycle between
// files or between folders, and the layers import only downwards.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-file-cycle',
      comment: 'Files import each other in a circle: move what both need into a third file.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycle',
      comment: 'Two folders (feature modules, layers) import each other: one of them owns the shared piece.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-route-imports-route',
      comment: 'A route file imports another: what they share belongs to a schemas or service file.',
      severity: 'error',
      from: { path: '\\.routes\\.ts$' },
      to: { path: '\\.routes\\.ts$' },
    },
    {
      name: 'no-plugins-below-routes',
      comment: 'Services and queries are plain code under the HTTP layer: they import nothing of src/plugins/.',
      severity: 'error',
      from: { path: '\\.(service|queries)\\.ts$' },
      to: { path: '^src/plugins/' },
    },
    {
      name: 'foundations-know-no-feature',
      comment: 'src/db, src/http and src/storage serve every feature module and import none.',
      severity: 'error',
      from: { path: '^src/(db|http|storage)/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'db-knows-no-http',
      comment: 'The database layer knows nothing of HTTP.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/http/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^web/src/api/schema\\.d\\.ts$' },
  },
};
