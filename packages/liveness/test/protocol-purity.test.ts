import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// `@huoti/liveness/protocol` runs in browsers and in Node: no node:* modules, no DOM, no worker,
// and imports only from the protocol folder and the package's error class.
const protocolDir = new URL('../src/protocol/', import.meta.url);
const sources: [string, string][] = [
  ['protocol.ts', readFileSync(new URL('../src/protocol.ts', import.meta.url), 'utf8')],
  ...readdirSync(protocolDir).map((name): [string, string] => [`protocol/${name}`, readFileSync(new URL(name, protocolDir), 'utf8')]),
];

describe('@huoti/liveness/protocol stays pure', () => {
  it.each(sources)('%s imports only protocol files and the error class', (_name, source) => {
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1] as string);
    for (const specifier of imports) {
      expect(specifier, specifier).toMatch(/^\.\/(protocol\/)?[a-z-]+\.js$|^\.\.\/errors\/huoti-error\.js$/);
    }
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/\b(?:document|window|navigator|self|importScripts|process|Buffer|require)\b[.(]/);
  });
});
