// Prints one closing line over vitest's JSON report and the browser runner's counts:
// "Summary: N passed, N failed, N skipped". Missing reports count as a failure.
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile, browserFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
let missing = false;

if (existsSync(vitestFile)) {
  const report = JSON.parse(readFileSync(vitestFile, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests + (report.numFailedTestSuites ?? 0);
  skipped += report.numPendingTests + report.numTodoTests;
  console.log(`unit (vitest): ${report.numPassedTests} passed, ${report.numFailedTests} failed in ${report.numTotalTestSuites} suites`);
} else {
  console.log(`unit (vitest): no report at ${vitestFile}`);
  missing = true;
}
if (existsSync(browserFile)) {
  const report = JSON.parse(readFileSync(browserFile, 'utf8'));
  passed += report.passed;
  failed += report.failed;
  skipped += report.skipped;
  console.log(`browser (@web/test-runner): ${report.passed} passed, ${report.failed} failed in ${report.files} files`);
} else {
  console.log(`browser (@web/test-runner): no report at ${browserFile}`);
  missing = true;
}
console.log(`Summary: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || missing || passed === 0 ? 1 : 0);
