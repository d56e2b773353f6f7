/**
 * Validates manifest.xml (and a manifest built elsewhere, given as argument) against the Office add-in
 * manifest schemas, offline. The schemas are not part of the project: pass their folder with
 * MANIFEST_XSD_DIR. Exit 0 valid, 1 invalid (errors listed), 2 no schemas given.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const MAIN = 'OfficeAppManifestV1_1.xsd';

/** The manifest's text against the schemas in `dir`: whether it is valid, and the errors. */
export async function validateManifest(dir: string, fileName: string, xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const xsds = readdirSync(dir).filter((f) => f.endsWith('.xsd') && f !== MAIN);
  const result = await validateXML({
    xml: [{ fileName, contents: xml }],
    schema: [readFileSync(join(dir, MAIN), 'utf8')],
    preload: xsds.map((f) => ({ fileName: f, contents: readFileSync(join(dir, f), 'utf8') })),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/** Whether `dir` holds the schemas (MANIFEST_XSD_DIR): Microsoft's files, which the project does not ship. */
export const hasSchemas = (dir: string | undefined): dir is string => dir !== undefined && existsSync(join(dir, MAIN));

async function main(): Promise<number> {
  const dir = process.env.MANIFEST_XSD_DIR;
  if (!hasSchemas(dir)) {
    console.error(`MANIFEST_XSD_DIR must name a folder holding ${MAIN} and the schemas it imports.`);
    return 2;
  }
  const file = process.argv[2] ?? 'manifest.xml';
  const { valid, errors } = await validateManifest(dir, file, readFileSync(file, 'utf8'));
  for (const e of errors) console.error(e);
  console.log(valid ? `${file}: valid` : `${file}: INVALID`);
  return valid ? 0 : 1;
}

if (require.main === module) void main().then((code) => process.exit(code));
