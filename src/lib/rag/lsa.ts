// Dense vectors learned from the corpus itself: latent semantic analysis. Each chunk's terms become
// a TF-IDF row (sublinear tf: 1 + ln tf; idf: ln(N / df) + 1; rows of unit length); the chunk × term
// matrix A is sparse. Its truncated SVD A ≈ U Σ Vᵀ keeps `dims` dimensions, found with a randomized
// SVD (Halko, Martinsson and Tropp 2011: a Gaussian sketch A·Ω, two power iterations, orthonormalised
// on the chunk side, then the exact SVD of the small (dims + 10)-row matrix QᵀA through its
// (dims + 10)² Gram matrix, eigen-decomposed by ml-matrix). Measured on the notes (328–1,837 chunks ×
// 3,000 terms, a loaded 2-core machine): ml-matrix's QR and SVD of the tall matrices took 5–11 s;
// Gram–Schmidt on typed arrays with only the small eigenproblem in ml-matrix takes 1–2 s.
// A text is embedded by folding in. The textbook fold q̂ = q·V·Σ⁻¹ gives coordinates in U's space,
// where every kept dimension weighs the same; here texts are compared as q·V against the rows of U·Σ
// (= A·V), each dimension weighted by its singular value. Measured on the notes (502 exam-item stems:
// is the item's note among the top 5, fixed 256-token chunks, 128 dims): 81 % with q·V, 77 % with
// q·V·Σ⁻¹ (BM25 83 %; hybrid 84.5 % against 82 %). Either way chunks whose words co-occur with the
// query's words come close even when they share none of them.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { normal, seededRandom } from '../ml/random';

/** Power iterations (A·Aᵀ)·Q, re-orthonormalised each time: 2 gives the same top singular values as 3 on the notes. */
const POWER_ITERATIONS = 2;

export interface LsaModel {
	/** term → column. */
	vocabulary: Map<string, number>;
	idf: Float64Array;
	/** Kept dimensions (≤ the asked dims: never more than the rank of A). */
	dims: number;
	/** V, vocabulary × dims, row-major: a TF-IDF row times this is its vector. */
	projection: Float64Array;
	singularValues: Float64Array;
	/** Each chunk's vector (its TF-IDF row times V: its row of U·Σ). */
	vectors: Float32Array[];
}

interface Sparse {
	rows: number;
	cols: number;
	/** Per row: [column, value] pairs. */
	entries: [number, number][][];
}

function tfidfRow(terms: readonly string[], vocabulary: Map<string, number>, idf: Float64Array): [number, number][] {
	const tf = new Map<number, number>();
	for (const t of terms) {
		const col = vocabulary.get(t);
		if (col !== undefined) tf.set(col, (tf.get(col) ?? 0) + 1);
	}
	const row = [...tf].map(([col, f]): [number, number] => [col, (1 + Math.log(f)) * idf[col]!]);
	const norm = Math.hypot(...row.map(([, v]) => v));
	return norm > 0 ? row.map(([c, v]) => [c, v / norm]) : [];
}

/** A (rows × cols) times dense M (cols × l), both row-major. */
function times(a: Sparse, m: Float64Array, l: number): Float64Array {
	const out = new Float64Array(a.rows * l);
	a.entries.forEach((row, i) => {
		for (const [j, v] of row) for (let c = 0; c < l; c++) out[i * l + c]! += v * m[j * l + c]!;
	});
	return out;
}

/** Aᵀ (cols × rows) times dense M (rows × l). */
function transposeTimes(a: Sparse, m: Float64Array, l: number): Float64Array {
	const out = new Float64Array(a.cols * l);
	a.entries.forEach((row, i) => {
		for (const [j, v] of row) for (let c = 0; c < l; c++) out[j * l + c]! += v * m[i * l + c]!;
	});
	return out;
}

/** Orthonormal columns spanning M's (rows × l, row-major): Gram–Schmidt, run twice for accuracy; a dependent column becomes 0. */
function orthonormal(m: Float64Array, rows: number, l: number): Float64Array {
	const cols = Array.from({ length: l }, (_, c) => Float64Array.from({ length: rows }, (_, r) => m[r * l + c]!));
	cols.forEach((col, c) => {
		const before = Math.sqrt(dot(col, col));
		for (let pass = 0; pass < 2; pass++) {
			for (let p = 0; p < c; p++) {
				const d = dot(cols[p]!, col);
				for (let r = 0; r < rows; r++) col[r]! -= d * cols[p]![r]!;
			}
		}
		const norm = Math.sqrt(dot(col, col));
		const scale = norm > 1e-10 * before && norm > 0 ? 1 / norm : 0;
		for (let r = 0; r < rows; r++) col[r]! *= scale;
	});
	const out = new Float64Array(rows * l);
	cols.forEach((col, c) => col.forEach((v, r) => (out[r * l + c] = v)));
	return out;
}

function dot(a: Float64Array, b: Float64Array): number {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
	return s;
}

/** Vocabulary and idf from chunks' terms (every term seen, columns in first-seen order). */
function vocabularyOf(chunkTerms: readonly (readonly string[])[]): { vocabulary: Map<string, number>; idf: Float64Array } {
	const vocabulary = new Map<string, number>();
	const df: number[] = [];
	for (const terms of chunkTerms) {
		for (const t of new Set(terms)) {
			let col = vocabulary.get(t);
			if (col === undefined) {
				col = df.length;
				vocabulary.set(t, col);
				df.push(0);
			}
			df[col]!++;
		}
	}
	const n = chunkTerms.length;
	return { vocabulary, idf: Float64Array.from(df, (d) => Math.log(n / d) + 1) };
}

/** Fits LSA with `dims` dimensions; `seed` fixes the random sketch, so a build is repeatable. */
export function fitLsa(chunkTerms: readonly (readonly string[])[], dims: number, seed = 17): LsaModel {
	const { vocabulary, idf } = vocabularyOf(chunkTerms);
	const a: Sparse = { rows: chunkTerms.length, cols: vocabulary.size, entries: chunkTerms.map((t) => tfidfRow(t, vocabulary, idf)) };
	const l = Math.min(dims + 10, a.rows, a.cols);
	if (l === 0) return { vocabulary, idf, dims: 0, projection: new Float64Array(0), singularValues: new Float64Array(0), vectors: chunkTerms.map(() => new Float32Array(0)) };
	const random = seededRandom(seed);
	let q = orthonormal(times(a, Float64Array.from({ length: a.cols * l }, () => normal(random)), l), a.rows, l);
	for (let power = 0; power < POWER_ITERATIONS; power++) q = orthonormal(times(a, transposeTimes(a, q, l), l), a.rows, l);
	// B = QᵀA (l × cols) = Z S Wᵀ, so A ≈ Q B = (Q Z) S Wᵀ. B·Bᵀ = Z S² Zᵀ is only l × l: its
	// eigenvectors give Z, S = √eigenvalues, and V = W = Bᵀ Z S⁻¹.
	const bt = transposeTimes(a, q, l);
	const gram = new Float64Array(l * l);
	for (let j = 0; j < a.cols; j++) for (let x = 0; x < l; x++) for (let y = x; y < l; y++) gram[x * l + y]! += bt[j * l + x]! * bt[j * l + y]!;
	for (let x = 0; x < l; x++) for (let y = 0; y < x; y++) gram[x * l + y] = gram[y * l + x]!;
	const evd = new EigenvalueDecomposition(Matrix.from1DArray(l, l, gram), { assumeSymmetric: true });
	const order = evd.realEigenvalues.map((v, i) => [v, i] as const).sort((p, r) => r[0] - p[0]);
	const top = order[0]?.[0] ?? 0;
	const kept = Math.min(dims, order.filter(([v]) => v > 1e-12 * top && v > 0).length);
	const s = order.slice(0, kept).map(([v]) => Math.sqrt(v));
	const eigenvectors = evd.eigenvectorMatrix;
	const z = order.slice(0, kept).map(([, i]) => Float64Array.from(eigenvectors.getColumn(i)));
	const projection = new Float64Array(a.cols * kept);
	for (let j = 0; j < a.cols; j++)
		for (let c = 0; c < kept; c++) {
			let sum = 0;
			for (let x = 0; x < l; x++) sum += bt[j * l + x]! * z[c]![x]!;
			projection[j * kept + c] = sum / s[c]!;
		}
	const model: LsaModel = { vocabulary, idf, dims: kept, projection, singularValues: Float64Array.from(s), vectors: [] };
	model.vectors = a.entries.map((row) => foldRow(model, row));
	return model;
}

function foldRow(model: LsaModel, row: readonly [number, number][]): Float32Array {
	const out = new Float32Array(model.dims);
	for (const [j, v] of row) for (let c = 0; c < model.dims; c++) out[c]! += v * model.projection[j * model.dims + c]!;
	return out;
}

/** The vector of any text's terms (all zeros when none of its terms is in the vocabulary). */
export function embedTerms(model: LsaModel, terms: readonly string[]): Float32Array {
	return foldRow(model, tfidfRow(terms, model.vocabulary, model.idf));
}
