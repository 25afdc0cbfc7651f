// The sentence a page shows when some stored records could not be read: each is named with its
// problem, so the learner knows what is missing and why, while every readable record is shown.

/** Records named in full before the rest are only counted. */
const NAMED = 5;

/** "2 records could not be read and are not shown: run 14 (…); endpoint "x" (…)." or null for none. */
export function skippedMessage(skipped: readonly string[]): string | null {
	if (!skipped.length) return null;
	// Entries may be whole sentences (a registry's message); the list supplies its own punctuation.
	const named = skipped.slice(0, NAMED).map((s) => s.replace(/\.$/, '')).join('; ');
	const more = skipped.length > NAMED ? `; and ${skipped.length - NAMED} more` : '';
	const count = skipped.length === 1 ? '1 record could not be read and is' : `${skipped.length} records could not be read and are`;
	return `${count} not shown: ${named}${more}. Restore a backup or delete them to clear this message.`;
}
