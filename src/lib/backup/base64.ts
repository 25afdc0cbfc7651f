// Base64 for datastore files in a backup: bytes, whatever they are (a PNG, a Latin-1 CSV), come
// back exactly. Works in the page, workers and Node (btoa/atob are global in all of them).

/** Bytes per call to String.fromCharCode: a multiple of 3, so chunks concatenate into one base64 text. */
const CHUNK = 3 * 8192;

export function bytesToBase64(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += CHUNK) out += btoa(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
	return out;
}

export function base64ToBytes(text: string): Uint8Array {
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

export const isBase64 = (v: unknown): v is string => typeof v === 'string' && v.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(v);

/** A Blob's base64 as a list of parts (each a few hundred KB), for assembling a file without one giant string. */
export async function blobToBase64Parts(blob: Blob, partBytes = 3 * 2 ** 18): Promise<string[]> {
	const parts: string[] = [];
	for (let i = 0; i < blob.size; i += partBytes) parts.push(bytesToBase64(new Uint8Array(await blob.slice(i, i + partBytes).arrayBuffer())));
	return parts;
}
