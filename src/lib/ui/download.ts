/** Saves a Blob as a file through the browser's download. */
export function downloadBlob(blob: Blob, fileName: string): void {
	const a = document.createElement('a');
	a.href = URL.createObjectURL(blob);
	a.download = fileName;
	a.click();
	// Revoke later: some browsers start reading the URL only after click() returns.
	setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}
