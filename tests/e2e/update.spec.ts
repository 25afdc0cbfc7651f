import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveBuildCopy } from './static-server';

test('a newly published version is offered as "Update" and applied on request', async ({ page, context }) => {
	const site = await serveBuildCopy(join(import.meta.dirname, '../../build'));
	const offOrigin: string[] = [];
	context.on('request', (r) => {
		if (new URL(r.url()).origin !== site.url) offOrigin.push(r.url());
	});
	try {
		await page.goto(`${site.url}/`);
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (!navigator.serviceWorker.controller) {
				await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
			}
		});
		await expect(page.getByRole('button', { name: 'Update' })).toHaveCount(0);

		// Publish a new version: any byte change to the service worker makes the browser install it.
		appendFileSync(join(site.root, 'service-worker.js'), '\n// next release\n');
		await page.reload();
		const update = page.getByRole('button', { name: 'Update' });
		await expect(update).toBeVisible();
		await expect(page.getByText('A new version of Prep Lab is ready.')).toBeVisible();

		// The old version keeps running until the learner chooses; then the page reloads on the new one.
		await page.evaluate(() => ((window as unknown as { beforeUpdate: boolean }).beforeUpdate = true));
		await Promise.all([page.waitForEvent('framenavigated'), update.click()]);
		await page.waitForLoadState('load');
		expect(await page.evaluate(() => 'beforeUpdate' in window)).toBe(false);
		await expect(page.getByRole('heading', { level: 1, name: 'Prep Lab' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Update' })).toHaveCount(0);
		expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
		expect(offOrigin, 'requests that left the origin').toEqual([]);
	} finally {
		await site.close();
	}
});
