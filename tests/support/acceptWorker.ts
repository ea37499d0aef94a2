/**
 * Child process for the numbering race tests: opens the same data folder and accepts (or, with
 * "reject" as the third argument, rejects) the given cases, printing the numbers it got.
 */
import { callApi, openTestServices } from './services';

async function main() {
  const [dataDir, list, mode = 'accept'] = process.argv.slice(2);
  const services = openTestServices(dataDir);
  const numbers: string[] = [];
  // Wait for the sibling process so both really race.
  const start = Number(process.env.START_AT ?? 0);
  while (Date.now() < start) await new Promise((r) => setTimeout(r, 5));
  for (const id of list.split(',').map(Number)) {
    const detail =
      mode === 'reject'
        ? await callApi(services, 'cases.reject', { id, rejectedOn: '2026-11-19', reason: '申请人与被申请人之间不存在劳动关系' })
        : await callApi(services, 'cases.accept', { id, acceptedOn: '2026-11-19' });
    numbers.push((mode === 'reject' ? detail.rejectionNumber : detail.caseNumber)!);
  }
  services.close();
  process.stdout.write(JSON.stringify(numbers));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
