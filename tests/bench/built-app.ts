// Serves the built app with `vite preview` and opens Debian's Chromium against it, for the
// benchmarks that measure the app in a real browser. Call close() in a finally block.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';

const root = join(import.meta.dirname, '../..');

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

export interface PreviewServer {
	base: string;
	close(): void;
}

/** `vite preview` of the built app on `port`, once it answers. */
export async function startPreview(port: number): Promise<PreviewServer> {
	const server = spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, stdio: 'ignore' });
	const base = `http://127.0.0.1:${port}`;
	for (let i = 0; ; i++) {
		try {
			await fetch(`${base}/`);
			break;
		} catch (e) {
			if (i === 50) {
				server.kill();
				throw new Error(`vite preview did not answer on ${base}: ${(e as Error).message}`);
			}
			await new Promise((r) => setTimeout(r, 200));
		}
	}
	return { base, close: () => server.kill() };
}

export interface BuiltApp {
	base: string;
	browser: Browser;
	close(): Promise<void>;
}

export async function startBuiltApp(port: number): Promise<BuiltApp> {
	const server = await startPreview(port);
	try {
		const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
		return {
			base: server.base,
			browser,
			async close() {
				await browser.close();
				server.close();
			}
		};
	} catch (e) {
		server.close();
		throw e;
	}
}
