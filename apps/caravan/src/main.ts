// Embedded mode (`npm start`): every app in one process on 127.0.0.1:4646.
import { resolve } from 'node:path';
import { caravanBanner, runApp, startCaravan } from '@caravan/runtime';

runApp('caravan', async (config, logger) => {
  const system = await startCaravan(config, logger);
  const api = { host: config.http.host, port: system.httpPort };
  return {
    parts: system.parts,
    banner: caravanBanner({ config, api, dataDir: resolve(config.dataDir) }),
  };
});
