import { defineConfig } from '@playwright/test';

// End-to-end tests run the built app (vite preview) in Debian's Chromium; no browser download.
// E2E_PORT lets two checkouts run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4174);

export default defineConfig({
	testDir: './e2e',
	outputDir: '../test-results',
	// Spec files run side by side in two workers (each test has its own browser context, so its own
	// IndexedDB and service worker); inside a file, tests run in order unless the file says otherwise.
	fullyParallel: false,
	workers: 2,
	retries: 0,
	timeout: 90_000,
	// Two browsers share two cores: give a step that trains or scores a model room to finish before an
	// assertion gives up. What is asserted is unchanged.
	expect: { timeout: 15_000 },
	reporter: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		browserName: 'chromium',
		serviceWorkers: 'allow',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
		cwd: '..',
		url: `http://127.0.0.1:${PORT}`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});
