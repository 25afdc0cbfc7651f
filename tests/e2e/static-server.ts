// A tiny static server over a copy of the build, for tests that must change the deployed files
// (e.g. publish a new service worker) while a page is open.
import { createServer, type Server } from 'node:http';
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html',
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.webmanifest': 'application/manifest+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png'
};

export interface BuildCopy {
	root: string;
	url: string;
	close: () => Promise<void>;
}

export async function serveBuildCopy(buildDir: string): Promise<BuildCopy> {
	const root = mkdtempSync(join(tmpdir(), 'prep-lab-build-'));
	cpSync(buildDir, root, { recursive: true });
	const server: Server = createServer((req, res) => {
		const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		const candidates = [join(root, path), join(root, `${path}.html`), join(root, path, 'index.html')];
		const file = candidates.find((f) => f.startsWith(root) && existsSync(f) && statSync(f).isFile());
		if (!file) {
			res.writeHead(404).end('not found');
			return;
		}
		res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
		res.end(readFileSync(file));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return { root, url: `http://127.0.0.1:${port}`, close: () =>
			new Promise((r) => {
				server.close(() => r());
				// Keep-alive connections (a service worker, a frame) would otherwise hold the server open.
				server.closeAllConnections();
			})
	};
}
