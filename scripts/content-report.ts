// `npm run content:report`: each exam's practice-exam bank, lint figures as a table (the same
// measures tests/unit/content/bank-lint.test.ts holds to thresholds), then every threshold it
// breaks. The AI-300 bank counts the DP-100 items that carry over (`ai300:`).
import { bankProblems, bankReport, formatBankReport } from '../src/lib/content/bank-lint';
import { buildContent } from '../src/lib/content/bundle';
import { TRACKS, TRACK_EXAMS, trackItems, trackOutline } from '../src/lib/content/tracks';
import { readContentDir } from '../tests/unit/content/read-content-dir';

const { content, errors } = buildContent(readContentDir());
for (const e of errors) console.error(e.message);
if (!content.outline) process.exit(1);
for (const track of TRACKS) {
	const outline = trackOutline(content, track);
	console.log(`\n=== ${TRACK_EXAMS[track]} ===`);
	if (!outline) {
		console.log('No outline.');
		continue;
	}
	const report = bankReport(trackItems(content, track), outline);
	console.log(formatBankReport(report));
	const problems = bankProblems(report);
	console.log(problems.length ? `\nAbove the thresholds (${problems.length}):\n${problems.map((p) => `- ${p}`).join('\n')}` : '\nEvery threshold is met.');
}
