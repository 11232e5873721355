// A web-test-runner reporter that writes pass/fail/skip counts to a JSON file, so the test
// command can print one summary line over every runner.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function countSuite(suite, counts) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else counts.failed += 1;
  }
  for (const child of suite.suites ?? []) countSuite(child, counts);
}

export function resultsFileReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, files: new Set() };
      for (const session of sessions) {
        counts.files.add(session.testFile);
        if (session.testResults) countSuite(session.testResults, counts);
        // A file that failed to load or threw outside a test has errors but no failed test.
        if (!session.passed && session.errors?.length) counts.failed += session.errors.length;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ ...counts, files: counts.files.size }));
    },
  };
}
