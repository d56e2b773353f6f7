/**
 * manifest.xml: the shared runtime that hosts pane, functions and ribbon. Its validation against
 * Microsoft's schemas is `scripts/check-manifest.ts` (the schemas are not shipped with the project;
 * CI runs it where they are at hand).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

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
});
