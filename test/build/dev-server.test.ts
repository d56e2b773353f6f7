/** The dev server: on this machine only, and readable cross-origin by Office on the web alone. */
import { join } from 'node:path';

jest.mock('office-addin-dev-certs', () => ({ getHttpsServerOptions: async () => ({ ca: 'ca', key: 'key', cert: 'cert' }) }));

type CorsHeaders = (req: { headers: Record<string, string | undefined> }) => Record<string, string>;

async function devServer(): Promise<{ host?: string; headers: CorsHeaders }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(join(__dirname, '..', '..', 'webpack.config.js')) as (env: unknown, argv: unknown) => Promise<{ devServer: { host?: string; headers: CorsHeaders } }>;
  return (await config({}, { mode: 'development', env: { WEBPACK_SERVE: true } })).devServer;
}

test('listens on localhost, not on every interface', async () => {
  expect((await devServer()).host).toBe('localhost');
});

test.each(['https://excel.officeapps.live.com', 'https://inc-excel.officeapps.live.com', 'https://excel.cloud.microsoft'])('Office on the web (%s) may read functions.json', async (origin) => {
  const { headers } = await devServer();
  expect(headers({ headers: { origin } })).toEqual({ 'Access-Control-Allow-Origin': origin, Vary: 'Origin' });
});

test.each([['https://evil.example'], ['https://officeapps.live.com.evil.example'], ['http://excel.officeapps.live.com'], [undefined]])('any other origin (%s) gets no CORS header', async (origin) => {
  const { headers } = await devServer();
  expect(headers({ headers: { origin } })).toEqual({ Vary: 'Origin' });
});
