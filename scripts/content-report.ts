// `npm run content:report`: the practice-exam bank's lint figures as a table (the same measures
// tests/unit/content/bank-lint.test.ts holds to thresholds), then every threshold it breaks.
import { bankProblems, bankReport, formatBankReport } from '../src/lib/content/bank-lint';
import { buildContent } from '../src/lib/content/bundle';
import { readContentDir } from '../tests/unit/content/read-content-dir';

const { content, errors } = buildContent(readContentDir());
for (const e of errors) console.error(e.message);
if (!content.outline) process.exit(1);
const report = bankReport(content.items, content.outline);
console.log(formatBankReport(report));
const problems = bankProblems(report);
console.log(problems.length ? `\nAbove the thresholds (${problems.length}):\n${problems.map((p) => `- ${p}`).join('\n')}` : '\nEvery threshold is met.');
