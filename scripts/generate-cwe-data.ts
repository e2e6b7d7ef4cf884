// Generates src/domain/data/cwe.json, the CWE list keikai ships (id and English name of every weakness and
// category), from MITRE's CWE XML catalogue.
//
// Where the data comes from: only the npm registry is reachable from where keikai is built, so the catalogue is
// taken from the npm package `cwe-sdk` (OWASP CWE Toolkit, Apache-2.0), which carries MITRE's XML unchanged in
// raw/cwe-archive.xml. keikai does not depend on that package at run time: the generated file is committed.
//
//   cd "$(mktemp -d)" && npm pack cwe-sdk@1.1.19 && tar xzf cwe-sdk-1.1.19.tgz
//   node --import tsx scripts/generate-cwe-data.ts "$PWD/package/raw/cwe-archive.xml" cwe-sdk@1.1.19
//
// License: the CWE content is © The MITRE Corporation and used under the CWE Terms of Use, which allow copies for
// research, development and commercial purposes on condition that MITRE's copyright designation and the license
// are reproduced; the generated file carries both in its `notice`.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [xmlPath, sourcePackage = 'cwe-sdk@1.1.19'] = process.argv.slice(2);
if (!xmlPath) {
  console.error('usage: generate-cwe-data.ts <path to cwe-archive.xml or cwec_vX.Y.xml> [package@version]');
  process.exit(2);
}

const xml = readFileSync(xmlPath, 'utf8');
const catalog = /<Weakness_Catalog [^>]*Version="([^"]+)"[^>]*Date="([^"]+)"/.exec(xml);
if (!catalog) throw new Error('not a CWE catalogue: no <Weakness_Catalog Version=… Date=…>');

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e.startsWith('#x') || e.startsWith('#X'))
      return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
    return ENTITIES[e] ?? whole;
  });

type Entry = { id: string; name: string; category?: true; deprecated?: true };
const entries: Entry[] = [];
for (const m of xml.matchAll(/<(Weakness|Category) ID="(\d+)" Name="([^"]*)"[^>]*Status="([^"]+)"/g)) {
  const [, kind, id, name, status] = m as unknown as [string, string, string, string, string];
  const entry: Entry = { id: `CWE-${id}`, name: decode(name) };
  if (kind === 'Category') entry.category = true;
  if (status === 'Deprecated') entry.deprecated = true;
  entries.push(entry);
}
entries.sort((a, b) => Number(a.id.slice(4)) - Number(b.id.slice(4)));
if (entries.length < 900) throw new Error(`only ${entries.length} entries: is this the full catalogue?`);

const out = {
  source: `MITRE CWE ${catalog[1]} (${catalog[2]}), from the npm package ${sourcePackage} (raw/cwe-archive.xml)`,
  notice:
    'CWE is a registered trademark of The MITRE Corporation. Copyright © 2006–2024, The MITRE Corporation. ' +
    'Used under the CWE Terms of Use (https://cwe.mitre.org/about/termsofuse.html): MITRE grants a ' +
    'non-exclusive, royalty-free license to use CWE for research, development, and commercial purposes, on the ' +
    "condition that MITRE's copyright designation and this license are reproduced in any copy.",
  generatedBy: 'scripts/generate-cwe-data.ts',
  entries,
};
const target = join(import.meta.dirname, '..', 'src', 'domain', 'data', 'cwe.json');
writeFileSync(target, `${JSON.stringify(out, null, 2)}\n`);
// in the repository's JSON style, so `biome check` passes on the committed file
execFileSync('npx', ['biome', 'format', '--write', target], { stdio: 'inherit' });
console.log(
  `${entries.length} entries (${entries.filter((e) => e.category).length} categories, ` +
    `${entries.filter((e) => e.deprecated).length} deprecated) → ${target}`,
);
