/**
 * manifest.xml: the shared runtime that hosts pane, functions and ribbon, and the project's own
 * structural checks. Its validation against Microsoft's XSD schemas runs only where they are at hand
 * (MANIFEST_XSD_DIR): they are Microsoft's files and the project does not ship them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasSchemas, validateManifest } from '../scripts/check-manifest';

const manifest = readFileSync(join(__dirname, '..', 'manifest.xml'), 'utf8');

describe('manifest.xml', () => {
  test('a shared runtime hosts the pane, the functions (namespace PERF) and the commands', () => {
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<Page>\s*<SourceLocation resid="Taskpane.Url"\/>/);
    expect(manifest).toMatch(/<FunctionFile resid="Taskpane.Url"\/>/);
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="PERF"\/>/);
  });

  test('every ShowTaskpane action names the one task pane of the shared runtime', () => {
    const ids = [...manifest.matchAll(/<TaskpaneId>([^<]+)<\/TaskpaneId>/g)].map((m) => m[1]);
    const actions = manifest.match(/xsi:type="ShowTaskpane"/g) ?? [];
    expect(ids).toHaveLength(actions.length);
    expect(new Set(ids).size).toBe(1);
  });

  test('every resource it names is defined once, and every one defined is named', () => {
    const named = new Set([...manifest.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = [...manifest.matchAll(/<bt:(?:Url|String|Image) id="([^"]+)"/g)].map((m) => m[1]);
    expect(named.size).toBeGreaterThan(10);
    expect(defined.filter((id, i) => defined.indexOf(id) !== i)).toEqual([]);
    expect([...named].filter((id) => !defined.includes(id))).toEqual([]);
    expect(defined.filter((id) => !named.has(id))).toEqual([]);
  });

  test('a GUID for Id, a four-part Version, https URLs only', () => {
    expect(manifest).toMatch(/<Id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/Id>/);
    expect(manifest).toMatch(/<Version>\d+\.\d+\.\d+\.\d+<\/Version>/);
    expect(manifest.match(/"http:\/\/(?!schemas\.microsoft\.com|www\.w3\.org)[^"]*"/g) ?? []).toEqual([]);
  });
});

const XSD_DIR = process.env.MANIFEST_XSD_DIR;
describe('manifest.xml against Microsoft’s XSD schemas', () => {
  (hasSchemas(XSD_DIR) ? test : test.skip)(
    hasSchemas(XSD_DIR) ? 'valid' : 'skipped: the schemas are Microsoft’s and not shipped; set MANIFEST_XSD_DIR to their folder to run it',
    async () => {
      const { valid, errors } = await validateManifest(XSD_DIR as string, 'manifest.xml', manifest);
      expect(errors).toEqual([]);
      expect(valid).toBe(true);
    },
  );
});
