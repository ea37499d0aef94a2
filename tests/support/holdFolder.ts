/** Child process: opens a data folder (taking its lock), says "ready", then waits to be killed. */
import { openTestServices } from './services';

openTestServices(process.argv[2]);
process.stdout.write('ready\n');
setInterval(() => undefined, 60_000);
