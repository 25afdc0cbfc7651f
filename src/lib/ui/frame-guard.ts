// Clickjacking defence for hosts that cannot send `frame-ancestors 'none'` (a <meta> CSP cannot carry
// it): a page that finds itself inside another site's frame covers itself with a notice instead of
// offering buttons to clicks the learner cannot see. The header remains the real protection.

/** True when this window is shown inside a frame (reading `top` from another origin throws: framed too). */
export function isFramed(): boolean {
	try {
		return window.self !== window.top;
	} catch {
		return true;
	}
}
