import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Every part and custom property the element uses is documented in its JSDoc (which feeds the
// custom-elements manifest) and in docs/elements.md.
const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const component = read('../src/liveness/huoti-liveness.component.ts');
const styles = read('../src/liveness/huoti-liveness.styles.ts');
const guide = read('../../../docs/elements.md');

const unique = (values: Iterable<string>): string[] => [...new Set(values)].sort();
const usedParts = unique([...component.matchAll(/part="([^"$]+)"/g)].flatMap((match) => match[1]!.split(/\s+/)));
const documentedParts = unique([...component.matchAll(/@csspart ([\w-]+)/g)].map((match) => match[1]!));
const usedProperties = unique([...styles.matchAll(/var\((--huoti-[\w-]+)/g)].map((match) => match[1]!));
const documentedProperties = unique([...component.matchAll(/@cssproperty \[?(--huoti-[\w-]+)/g)].map((match) => match[1]!));
const documentedEvents = unique([...component.matchAll(/@event (huoti-[\w-]+)/g)].map((match) => match[1]!));

describe('element documentation', () => {
  it('documents exactly the parts it renders', () => {
    expect(usedParts.length).toBeGreaterThan(10);
    expect(documentedParts).toEqual(usedParts);
    for (const name of usedParts) expect(guide, `docs/elements.md mentions part ${name}`).toContain(`\`${name}\``);
  });

  it('documents exactly the custom properties its styles read', () => {
    expect(documentedProperties).toEqual(usedProperties);
    for (const name of usedProperties) expect(guide, `docs/elements.md mentions ${name}`).toContain(name);
  });

  it('documents every event of the event map', () => {
    const events = read('../src/liveness/huoti-liveness.events.ts');
    const mapped = unique([...events.matchAll(/'(huoti-[\w-]+)': CustomEvent/g)].map((match) => match[1]!));
    expect(documentedEvents).toEqual(mapped);
    for (const name of mapped) expect(guide).toContain(`\`${name}\``);
  });
});
