// `npm run lab -- <command>`: the lab's functions on a folder (raw/, curated/, logs/, registry/),
// with the same code the browser runs. Errors print one clear line and exit non-zero.
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { promoteInRegistry } from '../lib/app/promote-challenger';
import { retrainChallenger } from '../lib/app/retrain-challenger';
import { runPipeline } from '../lib/lab/pipeline';
import { monitorDays, worstDrift } from '../lib/lab/monitoring';
import { DEFAULT_SIMULATION, validateSimulation } from '../lib/lab/simulated-days';
import { rawFileDates } from '../lib/lab/daily-files';
import { describePlan, planSimulation } from '../lib/lab/simulation-plan';
import { DEFAULT_BATCH_SETTINGS, runDailyJob, scoreCsv, type BatchSettings } from '../lib/lab/batch-score';
import { resolveVersion } from '../lib/lab/registry';
import { previewCsv, readCsvTable, tableToCsv } from '../lib/ml/csv-read';
import { generateDelinquencyTable } from '../lib/ml/delinquency-data';
import { score, type FieldError, type ScoreResult, type SolverName } from '../lib/ml/model-artifact';
import { DEFAULT_TRAIN_PARAMS, MODEL_NAME, trainModel } from '../lib/ml/train-model';
import { fsLabStorage } from './fs-lab-storage';
import { fsCsvInput } from './fs-read';
import { ensureFolder, safeFileWriter, safeWriteFile } from './safe-write';
import { USAGE } from './usage';

// Kept here too: the benchmarks and tests import it from the CLI.
export { tableToCsv };

export class UsageError extends Error {}

/** @param expected what a number must be, when it is a number but out of range (e.g. "greater than 0") */
function number(value: string | undefined, name: string, fallback: number, check: (n: number) => boolean = Number.isFinite, expected?: string): number {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} must be a valid number, got "${value}".`);
	if (!check(n)) throw new UsageError(`--${name} must be ${expected ?? 'a valid number'}, got "${value}".`);
	return n;
}

function required(value: string | undefined, name: string): string {
	if (!value) throw new UsageError(`--${name} is required.`);
	return value;
}

const isInt = (n: number) => Number.isInteger(n) && n >= 0;

const ERRORS_SHOWN = 5;

/** The first few field errors in one line; a batch of 10,000 bad records must not print 10,000 of them. */
function listErrors(errors: readonly FieldError[]): string {
	const shown = errors.slice(0, ERRORS_SHOWN).map((e) => `record ${e.record}: ${e.message}`);
	const more = errors.length - shown.length;
	return `${shown.join('; ')}${more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : ''}`;
}

/** What scoring quietly did: fields filled with the training median, categories never seen, fields ignored (often typos). */
function predictWarnings(inputs: readonly string[], records: readonly unknown[], result: ScoreResult): string[] {
	const warnings: string[] = [];
	const count = (n: number) => `${n} record${n === 1 ? '' : 's'}`;
	for (const [field, n] of Object.entries(result.imputed)) warnings.push(`"${field}" was missing in ${count(n)}; the training median was used.`);
	for (const [field, n] of Object.entries(result.unseenCategories)) warnings.push(`"${field}" had a category the model never saw in ${count(n)}; it added nothing to the score.`);
	const known = new Set(inputs);
	const ignored = new Map<string, number>();
	for (const r of records) for (const key of Object.keys(r as object)) if (!known.has(key)) ignored.set(key, (ignored.get(key) ?? 0) + 1);
	for (const [field, n] of [...ignored].slice(0, ERRORS_SHOWN)) warnings.push(`"${field}" is not an input of this model and was ignored (${count(n)}).`);
	if (ignored.size > ERRORS_SHOWN) warnings.push(`${ignored.size - ERRORS_SHOWN} more fields that are not inputs were ignored.`);
	return warnings;
}

export async function main(
	argv: string[],
	out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
	warn: (line: string) => void = (l) => process.stderr.write(`prep-lab: ${l}\n`)
): Promise<void> {
	const [command, ...rest] = argv;
	if (!command || command === 'help' || command === '--help') return out(USAGE);
	// Loaded on use: the RAG engine and its tokenizer would add tens of MB to every other command.
	if (command === 'rag-eval') return (await import('./rag-eval')).ragEvalCommand(rest, out);
	const { values: o } = parseArgs({
		args: rest,
		strict: true,
		options: {
			rows: { type: 'string' },
			seed: { type: 'string' },
			out: { type: 'string' },
			data: { type: 'string' },
			target: { type: 'string' },
			C: { type: 'string' },
			solver: { type: 'string' },
			'class-weight': { type: 'string' },
			'test-size': { type: 'string' },
			cv: { type: 'string' },
			root: { type: 'string' },
			model: { type: 'string' },
			version: { type: 'string' },
			json: { type: 'string' },
			date: { type: 'string' },
			'error-threshold': { type: 'string' },
			'mini-batch-size': { type: 'string' },
			start: { type: 'string' },
			days: { type: 'string' },
			'shift-day': { type: 'string' },
			existing: { type: 'string' }
		}
	});
	const root = o.root ?? 'lab-data';
	const name = o.model ?? MODEL_NAME;
	const storage = () => fsLabStorage(root);
	const model = async () => resolveVersion((await storage()).registry, name, o.version ?? 'latest');
	const settings = (): BatchSettings => ({
		...DEFAULT_BATCH_SETTINGS,
		errorThreshold: number(o['error-threshold'], 'error-threshold', -1, (n) => Number.isInteger(n) && n >= -1),
		miniBatchSize: number(o['mini-batch-size'], 'mini-batch-size', DEFAULT_BATCH_SETTINGS.miniBatchSize, (n) => Number.isInteger(n) && n > 0)
	});

	switch (command) {
		case 'generate': {
			const rows = number(required(o.rows, 'rows'), 'rows', 0, (n) => Number.isInteger(n) && n > 0);
			const table = generateDelinquencyTable(rows, number(o.seed, 'seed', 42, isInt));
			const outFile = required(o.out, 'out');
			await ensureFolder(dirname(outFile));
			await safeWriteFile(outFile, tableToCsv(table), { label: '--out' });
			out(JSON.stringify({ rows, out: o.out }));
			return;
		}
		case 'train': {
			const file = required(o.data, 'data');
			const preview = await previewCsv((await fsCsvInput(file)).input, o.target);
			const { input, size } = await fsCsvInput(file);
			const table = await readCsvTable(input, preview.schema, { size });
			const solver = (o.solver ?? 'newton') as SolverName;
			if (solver !== 'newton' && solver !== 'gd') throw new UsageError('--solver must be newton or gd.');
			const classWeight = o['class-weight'] ?? 'none';
			if (classWeight !== 'none' && classWeight !== 'balanced') throw new UsageError('--class-weight must be none or balanced.');
			const params = {
				...DEFAULT_TRAIN_PARAMS,
				C: number(o.C, 'C', 1, (n) => n > 0, 'greater than 0'),
				solver,
				classWeight: classWeight as 'none' | 'balanced',
				testFraction: number(o['test-size'], 'test-size', 0.2),
				seed: number(o.seed, 'seed', 42, isInt),
				cvFolds: number(o.cv, 'cv', 0, isInt)
			};
			const { draft, test } = trainModel(table, preview.schema, params);
			const registered = await (await storage()).registry.register({ ...draft, name }, {}, test);
			const schema = Object.fromEntries(preview.schema.map((c) => [c.name, `${c.role} (${c.kind})`]));
			out(JSON.stringify({ name: registered.name, version: registered.version, rows: table.rows, schema, metrics: registered.metrics }, null, 2));
			return;
		}
		case 'score': {
			const m = await model();
			const data = required(o.data, 'data');
			const { input, size } = await fsCsvInput(data);
			const writer = await safeFileWriter(required(o.out, 'out'), { inputs: [data], label: '--out' });
			try {
				const stats = await scoreCsv(m, input, size, writer, settings());
				await writer.close();
				out(JSON.stringify({ version: m.version, rowsIn: stats.rowsIn, rowsOut: stats.rowsOut, rowsFailed: stats.rowsFailed, out: o.out }));
			} catch (e) {
				await writer.abort();
				throw e;
			}
			return;
		}
		case 'predict': {
			const m = await model();
			let records: unknown;
			try {
				records = JSON.parse(required(o.json, 'json'));
			} catch (e) {
				if (e instanceof UsageError) throw e;
				throw new UsageError(`--json is not valid JSON: ${(e as Error).message}`);
			}
			if (!Array.isArray(records)) throw new UsageError('--json must be a JSON list of records, e.g. [{"credit_utilization": 0.5, ...}].');
			if (records.length === 0) throw new UsageError('--json is an empty list: give at least one record to score.');
			const result = score(m, records as Record<string, unknown>[]);
			if (result.errors.length) throw new UsageError(listErrors(result.errors));
			const warnings = predictWarnings(m.signature.inputs.map((i) => i.name), records, result);
			out(
				JSON.stringify(
					{
						model: m.name,
						version: m.version,
						predictions: Array.from(result.probabilities, (p) => ({ prediction: p >= 0.5 ? 1 : 0, probability: Number(p.toFixed(6)) })),
						...(warnings.length ? { warnings } : {})
					},
					null,
					2
				)
			);
			return;
		}
		case 'pipeline': {
			const s = await storage();
			const m = await model();
			const run = await runDailyJob(s, m, required(o.date, 'date'), settings());
			out(JSON.stringify(run, null, 2));
			return;
		}
		case 'simulate': {
			const days = number(o.days, 'days', DEFAULT_SIMULATION.days, isInt);
			// The default sudden shift (day 20) only applies to runs long enough to have that day.
			const defaultShift = DEFAULT_SIMULATION.suddenShiftDay !== null && DEFAULT_SIMULATION.suddenShiftDay <= days ? DEFAULT_SIMULATION.suddenShiftDay : 0;
			const shiftDay = number(o['shift-day'], 'shift-day', defaultShift, (n) => Number.isInteger(n) && n >= 0, 'a whole number of 0 or more');
			const simulation = {
				...DEFAULT_SIMULATION,
				startDate: required(o.start, 'start'),
				days,
				rowsPerDay: number(o.rows, 'rows', DEFAULT_SIMULATION.rowsPerDay, isInt),
				seed: number(o.seed, 'seed', DEFAULT_SIMULATION.seed, isInt),
				suddenShiftDay: shiftDay === 0 ? null : shiftDay
			};
			const problem = validateSimulation(simulation);
			if (problem) throw new UsageError(problem);
			const existing = o.existing ?? 'skip';
			if (existing !== 'skip' && existing !== 'score') throw new UsageError(`--existing must be skip or score, got "${existing}".`);
			const s = await storage();
			const taken = rawFileDates((await s.datastore.list('raw')).map((f) => f.name));
			const plan = planSimulation(simulation, taken, existing);
			const { runs } = await runPipeline(s, await model(), plan.days);
			for (const run of runs) out(`${run.input} → ${run.output}\t${run.rowsOut} rows\tmean score ${run.scoreMean.toFixed(4)}`);
			out(describePlan(plan));
			return;
		}
		case 'monitor': {
			const s = await storage();
			const m = await model();
			if (!m.profile) out(`${name}:${m.version} has no training profile, so only prediction drift is measured: register a new version to monitor data drift.`);
			const heldOut = await s.registry.heldOut(name, m.version);
			const skipped: string[] = [];
			const reports = await monitorDays(s, m, heldOut?.p ?? null, { onSkipped: (day) => skipped.push(`${day.file} was skipped: ${day.message}`) });
			for (const line of skipped) warn(line);
			if (!reports.length) throw new UsageError(skipped.length ? `No scored day could be read (${skipped.length} skipped; see above).` : 'No scored days in curated/: run `pipeline` or `simulate` first.');
			for (const day of reports) {
				const worst = worstDrift(day);
				const cells = [day.date, `${day.rows} rows`, worst ? `worst ${worst.name} PSI ${worst.drift.psi.toFixed(3)} (${worst.drift.band})` : 'no drift measured'];
				if (day.prediction) cells.push(`prediction PSI ${day.prediction.psi.toFixed(3)}, JS ${day.prediction.js.toFixed(3)}`);
				out(cells.join('\t'));
			}
			return;
		}
		case 'retrain': {
			const s = await storage();
			const fallbackChampion = o.version === undefined ? null : (await model()).version;
			const days = number(o.days, 'days', 7, (n) => Number.isInteger(n) && n >= 1, 'a whole number of 1 or more');
			const { challenger, comparison } = await retrainChallenger(s, { modelName: name, days, fallbackChampion });
			const metrics = (m: typeof comparison.champion) => ({ rocAuc: m.rocAuc, prAuc: m.prAuc, logLoss: m.logLoss, brier: m.brier, f1: m.f1 });
			out(JSON.stringify({ challenger: challenger.version, champion: comparison.championVersion, days: comparison.days, holdoutRows: comparison.rows, metrics: { champion: metrics(comparison.champion), challenger: metrics(comparison.challenger) } }, null, 2));
			return;
		}
		case 'promote': {
			const s = await storage();
			const version = (await resolveVersion(s.registry, name, o.version ?? 'challenger')).version;
			await promoteInRegistry(s.registry, name, version);
			out(`${name}:${version} is now champion.`);
			return;
		}
		case 'versions': {
			const s = await storage();
			const aliases = await s.registry.aliases(name);
			const [versions, broken] = await Promise.all([s.registry.list(name), s.registry.broken(name)]);
			const rows = [...versions.map((v) => ({ version: v.version, v })), ...broken.map((b) => ({ version: b.version, b }))].sort((a, b) => b.version - a.version);
			for (const row of rows) {
				if (!('v' in row)) {
					out(`${name}:${row.version}\tcannot be read: ${row.b.message}`);
					continue;
				}
				const v = row.v;
				const tags = Object.entries(aliases).filter(([, n]) => n === v.version).map(([a]) => a);
				const auc = typeof v.metrics.rocAuc === 'number' && Number.isFinite(v.metrics.rocAuc) ? v.metrics.rocAuc.toFixed(4) : '—';
				out(`${name}:${v.version}\tROC AUC ${auc}\t${v.createdAt}${tags.length ? `\t[${tags.join(', ')}]` : ''}`);
			}
			return;
		}
		default:
			throw new UsageError(`Unknown command "${command}".\n\n${USAGE}`);
	}
}

export { errorMessage as describeError } from '../lib/error-message';
