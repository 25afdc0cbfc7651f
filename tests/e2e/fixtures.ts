// Shared test fixture: every request any page or worker makes is recorded, and a test fails if
// one leaves the app's origin (no analytics, no CDN fonts, nothing).
import { expect, test as base } from '@playwright/test';

/**
 * For specs about pages, not about offline use or the endpoints the service worker answers:
 * `test.use(WITHOUT_SERVICE_WORKER)`. Each new browser context would otherwise install the service
 * worker and precache the whole app (18 MB) before the test runs. Offline use, updates and the
 * online endpoint are checked by the specs that keep it (offline, update, online-endpoint,
 * batch-endpoint, exam-sessions, lab-models-endpoints, monitoring, not-found, two-devices…).
 */
export const WITHOUT_SERVICE_WORKER = { serviceWorkers: 'block' } as const;

export const test = base.extend<{ offOriginRequests: string[] }>({
	// Pages are prerendered HTML that becomes interactive once hydrated; every navigation in a test
	// waits for that, so clicks and keys never land on a page that cannot answer yet.
	page: async ({ page }, use) => {
		// Anything the Content-Security-Policy blocks is a bug: collect the browser's reports.
		const blocked: string[] = [];
		page.on('console', (message) => {
			if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) blocked.push(message.text());
		});
		const goto = page.goto.bind(page);
		const reload = page.reload.bind(page);
		const interactive = () => page.locator('html[data-interactive]').waitFor();
		page.goto = async (url, options) => {
			const response = await goto(url, options);
			await interactive();
			return response;
		};
		page.reload = async (options) => {
			const response = await reload(options);
			await interactive();
			return response;
		};
		await use(page);
		expect(blocked, 'Content-Security-Policy violations').toEqual([]);
	},
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
