import path from 'node:path';
import ExcelJS from 'exceljs';
import { repoRoot } from './webHost';

export const rosterFixture = path.resolve(repoRoot, 'tests/fixtures/rosters/gz-anzhi-18-workers.xlsx');

/** The LibreOffice fixture with one ID number's check digit broken (sheet row 7, column C). */
export async function rosterWithBrokenId(target: string): Promise<{ good: string; broken: string; name: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(rosterFixture);
  const sheet = workbook.worksheets[0];
  const cell = sheet.getCell('C7');
  const good = String(cell.value);
  const broken = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
  cell.value = broken;
  await workbook.xlsx.writeFile(target);
  return { good, broken, name: String(sheet.getCell('B7').value) };
}
