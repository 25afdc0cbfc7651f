// Batch scoring straight from a CSV chunk's bytes, through the one scoring path (score.ts): numbers
// are read without making strings, and each distinct category is looked up once (FieldCodes).
import type { CsvRows } from './csv-rows';
import { FieldCodes } from './csv-rows';
import type { ScoreResult } from './model-artifact';
import { categoryPositions, inputNames, scoreColumns, type ScoringModel } from './score';

/** Per categorical input of the model, the codes scoreCsvRows reads its CSV fields with (kept from chunk to chunk). */
export function categoryCodes(model: ScoringModel): FieldCodes[] {
	return categoryPositions(model).map((position) => new FieldCodes(position));
}

/**
 * Scores the rows `which` of a CSV chunk (result k is row which[k]); `categories` from categoryCodes().
 * Same arithmetic as score(): both run the one scoring implementation.
 */
export function scoreCsvRows(model: ScoringModel, header: readonly string[], rows: CsvRows, which: ArrayLike<number>, categories: FieldCodes[]): ScoreResult {
	const at = inputNames(model).map((name) => header.indexOf(name));
	const k = model.preprocessor.numeric.length;
	return scoreColumns(model, which.length, {
		numbers(j, values, bad) {
			if (at[j]! < 0) values.fill(NaN);
			else rows.numbers(at[j]!, which, values, bad);
		},
		// A CSV field is always text, so none is refused here.
		categories(c, positions) {
			if (at[k + c]! < 0) positions.fill(-1);
			else rows.codes(at[k + c]!, which, positions, categories[c]!);
		}
	});
}
