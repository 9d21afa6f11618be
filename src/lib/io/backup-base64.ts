/**
 * Base64 for the bytes a backup carries (audio recordings, ciphertext, salts). Uses only atob and
 * btoa, which browsers and Node 20 both have, and refuses anything that is not canonical base64
 * so a damaged file is caught instead of quietly decoding to different bytes.
 */

// A multiple of 3, so each chunk encodes without padding and the pieces simply join.
const CHUNK = 3 * 0x4000;

export function toBase64(bytes: Uint8Array): string {
	const parts: string[] = [];
	for (let i = 0; i < bytes.length; i += CHUNK) {
		const chunk = bytes.subarray(i, i + CHUNK);
		let binary = '';
		for (let j = 0; j < chunk.length; j++) binary += String.fromCharCode(chunk[j]!);
		parts.push(btoa(binary));
	}
	return parts.join('');
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The bytes, or undefined when `text` is not canonical base64. */
export function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
	if (!BASE64.test(text)) return undefined;
	const binary = atob(text);
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	// atob ignores stray low bits in the last character; re-encoding the last group catches them.
	const last = (text.length / 4 - 1) * 3;
	if (text.length > 0 && toBase64(bytes.subarray(last)) !== text.slice(-4)) return undefined;
	return bytes;
}
