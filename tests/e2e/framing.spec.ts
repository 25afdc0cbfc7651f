// Prep Lab cannot be framed by another site: the server sends frame-ancestors 'none' and
// X-Frame-Options, and a host that does not still gets a page that covers itself when framed.
import { test as base, expect } from '@playwright/test';
import { join } from 'node:path';
import { test, WITHOUT_SERVICE_WORKER } from './fixtures';
import { serveBuildCopy } from './static-server';

test.use(WITHOUT_SERVICE_WORKER);

test('every page is served with headers that forbid framing', async ({ request }) => {
	for (const path of ['/', '/lab/models', '/settings']) {
		const response = await request.get(path);
		expect(response.headers()['content-security-policy'], path).toBe("frame-ancestors 'none'");
		expect(response.headers()['x-frame-options'], path).toBe('DENY');
	}
});

// Plain Playwright test: the browser reports the refused frame on the console, which is the point here.
base('a page framed by another origin is blocked by the browser', async ({ page, baseURL }) => {
	await page.setContent(`<iframe src="${baseURL}/settings" title="framed" width="800" height="600"></iframe>`);
	const frame = page.frameLocator('iframe[title="framed"]');
	// The frame never gets the app: no Settings heading appears in it.
	await page.waitForTimeout(1500);
	await expect(frame.getByRole('heading', { name: 'Settings', level: 1 })).toHaveCount(0);
});

// A host without the headers (the test's own static server sends none): the page covers itself.
base('framed on a host that sends no headers, the page covers itself with a notice and a way out', async ({ page }) => {
	const copy = await serveBuildCopy(join(import.meta.dirname, '../../build'));
	try {
		await page.setContent(`<iframe src="${copy.url}/settings" title="framed" width="800" height="600"></iframe>`);
		const frame = page.frameLocator('iframe[title="framed"]');
		const notice = frame.getByTestId('framed');
		await expect(notice).toContainText('Prep Lab cannot be used inside another site');
		await expect(notice.getByRole('link', { name: 'Open Prep Lab on its own' })).toHaveAttribute('target', '_top');
		// The notice covers the whole frame, so no button of the page below can be clicked.
		const box = (await notice.boundingBox())!;
		const frameBox = (await page.locator('iframe[title="framed"]').boundingBox())!;
		expect(box.width).toBeGreaterThanOrEqual(frameBox.width - 20);
		expect(box.height).toBeGreaterThanOrEqual(frameBox.height - 20);
	} finally {
		await copy.close();
	}
});
