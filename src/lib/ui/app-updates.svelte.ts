// Service-worker lifecycle as page state: "ready offline" once, and "update available" when a new
// version is installed and waiting, so the learner chooses when to switch instead of running stale code.
export class AppUpdates {
	offlineReady = $state(false);
	updateReady = $state(false);
	#registration: ServiceWorkerRegistration | null = null;

	async watch(): Promise<void> {
		if (!('serviceWorker' in navigator)) return;
		const hadController = Boolean(navigator.serviceWorker.controller);
		const registration = await navigator.serviceWorker.ready;
		this.#registration = registration;
		const check = () => {
			if (registration.waiting && navigator.serviceWorker.controller) this.updateReady = true;
		};
		check();
		registration.addEventListener('updatefound', () => {
			const installing = registration.installing;
			installing?.addEventListener('statechange', () => {
				if (installing.state === 'installed') check();
			});
		});
		if (!hadController) {
			navigator.serviceWorker.addEventListener('controllerchange', () => (this.offlineReady = true), { once: true });
		}
		let reloading = false;
		navigator.serviceWorker.addEventListener('controllerchange', () => {
			if (hadController && !reloading) {
				reloading = true;
				location.reload();
			}
		});
		// A first visit that loaded while the worker was activating is not controlled yet: ask to be claimed,
		// so offline use (and the online endpoint it serves) starts without a reload.
		if (!navigator.serviceWorker.controller) registration.active?.postMessage({ type: 'CLAIM' });
		registration.update().catch(() => {
			/* offline: keep the current version */
		});
	}

	/** Activates the waiting version; the controllerchange listener then reloads the page. */
	apply(): void {
		this.#registration?.waiting?.postMessage({ type: 'SKIP_WAITING' });
	}
}
