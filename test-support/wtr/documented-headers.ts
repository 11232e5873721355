// Reads the HTTP header blocks of docs/csp.md, so that the CSP tests serve exactly the documented
// headers and the doc cannot drift from what is tested. A block is the first ```http fence after a
// `<!-- huoti-headers: NAME … -->` marker, one `Name: value` per line. Pure: runs in Node and in the browser.

/** Header name → value, as written in the doc. */
export type DocumentedHeaders = Readonly<Record<string, string>>;

/** In the `cdn` block, the placeholder that stands for the asset origin. */
export const DOCUMENTED_CDN_ORIGIN = 'https://cdn.example.gov.cn';

/**
 * The header block named `name` in `markdown` (the text of docs/csp.md).
 *
 * @throws Error when the marker or its fenced block is missing, or a line is not `Name: value`.
 */
export function documentedHeaders(markdown: string, name: string): DocumentedHeaders {
  const marker = new RegExp(`<!--\\s*huoti-headers:\\s*${name}\\b[^>]*-->`);
  const found = marker.exec(markdown);
  if (!found) throw new Error(`docs/csp.md has no <!-- huoti-headers: ${name} --> marker`);
  const fence = /```http\n([\s\S]*?)\n```/.exec(markdown.slice(found.index + found[0].length));
  if (!fence?.[1]) throw new Error(`docs/csp.md: no \`\`\`http block after the ${name} marker`);
  const headers: Record<string, string> = {};
  for (const line of fence[1].split('\n')) {
    const match = /^([A-Za-z][A-Za-z0-9-]*):\s*(.+)$/.exec(line.trim());
    if (!match?.[1] || !match[2]) throw new Error(`docs/csp.md ${name} block: not a header line: ${JSON.stringify(line)}`);
    headers[match[1]] = match[2];
  }
  return headers;
}
