/** Child process for the numbering race test: opens the same data folder and accepts the given cases. */
import { callApi, openTestServices } from './services';

async function main() {
  const [dataDir, list] = process.argv.slice(2);
  const services = openTestServices(dataDir);
  const numbers: string[] = [];
  // Wait for the sibling process so both really race.
  const start = Number(process.env.START_AT ?? 0);
  while (Date.now() < start) await new Promise((r) => setTimeout(r, 5));
  for (const id of list.split(',').map(Number)) {
    const detail = await callApi(services, 'cases.accept', { id, acceptedOn: '2026-11-19' });
    numbers.push(detail.caseNumber!);
  }
  services.close();
  process.stdout.write(JSON.stringify(numbers));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
