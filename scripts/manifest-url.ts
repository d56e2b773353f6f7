/**
 * The add-in's base URL, set at build time (ADDIN_URL): manifest.xml names https://localhost:3000 for
 * development, and the build rewrites every such URL to where the office serves dist/.
 */
export const DEV_ORIGIN = 'https://localhost:3000';

/** ADDIN_URL as an absolute https:// URL ending in `/`; the dev server's when unset or empty. Throws on a bad value. */
export function addinBaseUrl(value: string | undefined): string {
  const text = value?.trim() ?? '';
  if (text === '') return `${DEV_ORIGIN}/`;
  const bad = (why: string) => new Error(`ADDIN_URL=${JSON.stringify(value)} ${why}. Example: ADDIN_URL=https://intranet.example/smvp/ npm run build`);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw bad('is not an absolute URL');
  }
  if (url.protocol !== 'https:') throw bad('must start with https:// (Office loads add-ins over HTTPS only)');
  if (url.username !== '' || url.password !== '') throw bad('must not contain a user name or password');
  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) throw bad('must not have a query (?) or fragment (#)');
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * manifest.xml with every https://localhost:3000 URL moved under the base URL (checked by addinBaseUrl),
 * and each <AppDomain> naming the dev origin set to the new origin only: an AppDomain takes no path.
 */
export function manifestForBaseUrl(xml: string, baseUrl: string): string {
  const base = new URL(addinBaseUrl(baseUrl));
  return xml.replace(/(<AppDomain>\s*)?https:\/\/localhost:3000(?!\d)\/?/g, (_url, appDomain: string | undefined) =>
    appDomain === undefined ? escapeXml(base.href) : appDomain + escapeXml(base.origin),
  );
}
