// Shared test fixture: every request any page or worker makes is recorded, and a test fails if
// one leaves the app's origin (no analytics, no CDN fonts, nothing).
import { expect, test as base } from '@playwright/test';

export const test = base.extend<{ offOriginRequests: string[] }>({
	offOriginRequests: [
		async ({ context, baseURL }, use) => {
			const origin = new URL(baseURL!).origin;
			const offOrigin: string[] = [];
			context.on('request', (request) => {
				const url = request.url();
				if (url.startsWith('data:') || url.startsWith('blob:')) return;
				if (new URL(url).origin !== origin) offOrigin.push(url);
			});
			await use(offOrigin);
			expect(offOrigin, 'requests that left the origin').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };
