// Custom elements manifest of @huoti/elements, generated from the JSDoc of the sources.
// Run from this folder (paths in the manifest are then package-relative):
//   cd packages/elements && ../../node_modules/.bin/cem analyze --config custom-elements-manifest.config.mjs
export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/cdn.ts'],
  outdir: 'dist',
  litelement: true,
  // The package.json "customElements" field is maintained by hand; the analyzer must not edit it.
  packagejson: false,
  plugins: [dropGenericEventPlugin()],
};

/** `#emit(type, …)` dispatches every event through one helper; the analyzer lists its parameter as an event named "type". */
function dropGenericEventPlugin() {
  return {
    name: 'huoti-drop-generic-event',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name !== 'type');
        }
      }
    },
  };
}
