/** manifest.xml against the Office add-in manifest schemas (offline, ../shared/office-manifest-xsd). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';

const ROOT = join(__dirname, '..');
const XSD_DIR = join(ROOT, '..', 'shared', 'office-manifest-xsd');
const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const MAIN = 'OfficeAppManifestV1_1.xsd';

async function validate(xml: string) {
  const xsds = readdirSync(XSD_DIR).filter((f) => f.endsWith('.xsd'));
  return validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [readFileSync(join(XSD_DIR, MAIN), 'utf8')],
    preload: xsds.filter((f) => f !== MAIN).map((f) => ({ fileName: f, contents: readFileSync(join(XSD_DIR, f), 'utf8') })),
  });
}

describe('manifest.xml', () => {
  test('validates against the manifest schemas', async () => {
    const result = await validate(manifest);
    expect(result.errors.map((e) => e.rawMessage)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  test('the schemas do reject a misplaced element', async () => {
    const broken = manifest.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteDocument</Permissions><Bogus/>');
    expect((await validate(broken)).valid).toBe(false);
  });

  test('a shared runtime hosts the pane, the functions (namespace PERF) and the commands', () => {
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(manifest).toMatch(/<FunctionFile resid="Taskpane.Url"\/>/);
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="PERF"\/>/);
  });
});
