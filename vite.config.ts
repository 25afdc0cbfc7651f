import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// frame-ancestors cannot be set by the page's <meta> CSP, only by a response header: the preview
// server sends it (and the older X-Frame-Options) so no other site can frame the app. SvelteKit's
// preview serves pages itself, so the headers are set by middleware ahead of it. A static host must
// send the same two headers (README, "Hosting").
function noFraming(): Plugin {
	return {
		name: 'prep-lab-no-framing',
		configurePreviewServer(server) {
			server.middlewares.use((_req, res, next) => {
				res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
				res.setHeader('X-Frame-Options', 'DENY');
				next();
			});
		}
	};
}

export default defineConfig({
	plugins: [sveltekit(), noFraming()],
	worker: { format: 'es' },
	// The build is dominated by SvelteKit prerendering every page; Rolldown's "plugins took most of the
	// build time" notice is expected here and would only puzzle a newcomer.
	build: { rolldownOptions: { checks: { bundlerTimings: false } } },
	server: { host: '127.0.0.1', port: 5173 },
	preview: { host: '127.0.0.1', port: 4173, strictPort: true },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// Test files share worker threads and their loaded modules instead of each getting a fresh
		// process: on 2 cores the unit suite took 130 s, most of it starting processes and importing
		// the same modules again, and takes about 40 s this way. Tests keep no state between files
		// (fake-indexeddb databases are named per file and test; temporary directories are made per
		// test), and the suite passes in shuffled orders (`npx vitest run --sequence.shuffle`).
		pool: 'threads',
		isolate: false
	}
});
