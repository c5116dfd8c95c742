// Prints one plain closing line ("tests: N passed, N failed, N skipped") that any CI log reader understands.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped, numRuntimeErrorTestSuites: badSuites } = results;
    process.stdout.write(`\ntests: ${passed} passed, ${failed + badSuites} failed, ${skipped} skipped\n`);
  }
}
module.exports = SummaryReporter;
