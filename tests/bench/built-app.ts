// Serves the built app with `vite preview` and opens Debian's Chromium against it, for the
// benchmarks that measure the app in a real browser. Call close() in a finally block.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';

const root = join(import.meta.dirname, '../..');

export interface BuiltApp {
	base: string;
	browser: Browser;
	close(): Promise<void>;
}

export async function startBuiltApp(port: number): Promise<BuiltApp> {
	const server = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore' });
	const base = `http://127.0.0.1:${port}`;
	try {
		const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
		for (let i = 0; i < 50; i++) {
			try {
				await fetch(`${base}/`);
				break;
			} catch {
				await new Promise((r) => setTimeout(r, 200));
			}
		}
		return {
			base,
			browser,
			async close() {
				await browser.close();
				server.kill();
			}
		};
	} catch (e) {
		server.kill();
		throw e;
	}
}
