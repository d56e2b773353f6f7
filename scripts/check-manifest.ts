/**
 * Validates manifest.xml (and a manifest built elsewhere, given as argument) against the Office add-in
 * manifest schemas, offline. The schemas are not part of the project: pass their folder with
 * MANIFEST_XSD_DIR. Exit 0 valid, 1 invalid (errors listed), 2 no schemas given.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const MAIN = 'OfficeAppManifestV1_1.xsd';

async function main(): Promise<number> {
  const dir = process.env.MANIFEST_XSD_DIR;
  if (dir === undefined || !existsSync(join(dir, MAIN))) {
    console.error(`MANIFEST_XSD_DIR must name a folder holding ${MAIN} and the schemas it imports.`);
    return 2;
  }
  const file = process.argv[2] ?? 'manifest.xml';
  const xsds = readdirSync(dir).filter((f) => f.endsWith('.xsd') && f !== MAIN);
  const result = await validateXML({
    xml: [{ fileName: file, contents: readFileSync(file, 'utf8') }],
    schema: [readFileSync(join(dir, MAIN), 'utf8')],
    preload: xsds.map((f) => ({ fileName: f, contents: readFileSync(join(dir, f), 'utf8') })),
  });
  for (const e of result.errors) console.error(e.rawMessage);
  console.log(result.valid ? `${file}: valid` : `${file}: INVALID`);
  return result.valid ? 0 : 1;
}

void main().then((code) => process.exit(code));
