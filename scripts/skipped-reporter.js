/** A jest reporter that ends the run with one line naming the tests skipped for want of a program. */
const { PROGRAMS, missing } = require('./test-programs');

class SkippedReporter {
  onRunComplete() {
    const absent = missing();
    if (absent.length === 0) return;
    const list = absent.map((n) => `${n} (${PROGRAMS[n].tests}; apt-get install ${PROGRAMS[n].package})`).join(', ');
    process.stderr.write(`\nSkipped, not installed: ${list}. Run bash .ci/run to install them.\n`);
  }
}

module.exports = SkippedReporter;
