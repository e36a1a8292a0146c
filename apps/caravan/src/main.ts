// Embedded mode (`npm start`): every app in one process on 127.0.0.1:4646.
import { runApp, startCaravan } from '@caravan/runtime';

runApp('caravan', async (config, logger) => (await startCaravan(config, logger)).parts);
