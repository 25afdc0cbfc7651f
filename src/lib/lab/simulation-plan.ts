// Which raw/ files a simulation writes. A simulation never replaces a file that is already in raw/
// (it may be the learner's own accounts_<date>.csv): a day whose date is taken either moves on to
// the next free date, or scores the existing file as it is. The Monitoring page and the CLI's
// `simulate` both plan their days here, so both keep the same promise.
import { rawFileDates, rawFileName } from './daily-files';
import type { PipelineDay } from './pipeline';
import { addDays, simulateDays, type SimulationSettings } from './simulated-days';

/** What to do with a simulated day whose raw file already exists. */
export type ExistingRawFile = 'skip' | 'score';

export interface SimulationPlan {
	days: PipelineDay[];
	/** raw/ files the simulation will write (all new), in date order. */
	writes: string[];
	/** Dates passed over because their raw file exists ('skip'). */
	skipped: string[];
	/** Dates whose existing raw file is scored as it is, never rewritten ('score'). */
	kept: string[];
}

/**
 * The days to run. With 'skip', simulated day k goes to the k-th date from the start date that has
 * no raw file (so the drift still builds up over `days` consecutive simulated days); with 'score',
 * the dates stay consecutive and a taken date scores the file already there.
 */
export function planSimulation(settings: SimulationSettings, existingDates: Iterable<string>, onExisting: ExistingRawFile): SimulationPlan {
	const taken = new Set(existingDates);
	const simulated = simulateDays(settings);
	const plan: SimulationPlan = { days: [], writes: [], skipped: [], kept: [] };
	let date = settings.startDate;
	for (const day of simulated) {
		if (onExisting === 'score') {
			date = day.date;
			if (taken.has(date)) {
				plan.kept.push(date);
				plan.days.push({ date, generate: null });
				continue;
			}
		} else {
			// Terminates: `taken` is finite, so a free date always comes.
			while (taken.has(date)) {
				plan.skipped.push(date);
				date = addDays(date, 1);
			}
		}
		plan.days.push({ date, generate: { ...day, date } });
		plan.writes.push(`raw/${rawFileName(date)}`);
		date = addDays(date, 1);
	}
	return plan;
}

/** What the plan does, in words that read the same before the run (on the page) and after it (the CLI). */
export function describePlan(plan: SimulationPlan): string {
	const generated = plan.days.filter((d) => d.generate).map((d) => d.date);
	const sentences = [generated.length ? `New files in raw/: ${generated.length} (${generated.length === 1 ? generated[0] : `${generated[0]} to ${generated.at(-1)}`}).` : 'No new file in raw/.'];
	const one = (dates: readonly string[]) => dates.length === 1;
	if (plan.skipped.length) sentences.push(`Skipped ${listDates(plan.skipped)}: ${listFiles(plan.skipped)} already ${one(plan.skipped) ? 'exists and is' : 'exist and are'} left as ${one(plan.skipped) ? 'it is' : 'they are'}.`);
	if (plan.kept.length) sentences.push(`Existing ${listFiles(plan.kept)} ${one(plan.kept) ? 'is' : 'are'} scored as ${one(plan.kept) ? 'it is' : 'they are'}, not rewritten.`);
	return sentences.join(' ');
}

const shortList = (items: readonly string[]) => (items.length <= 4 ? items.join(', ') : `${items.slice(0, 3).join(', ')} and ${items.length - 3} more`);
const listDates = (dates: readonly string[]) => shortList(dates);
const listFiles = (dates: readonly string[]) => shortList(dates.map((d) => `raw/${rawFileName(d)}`));
