/**
 * Kith's service worker: the precached app shell and files (offline from the first visit), the
 * SPA fallback for navigations, the update that waits for the user's yes, and the daily check of
 * what is due (periodic background sync), which sets the icon's badge and may show one
 * notification. Caches only what the build lists; reads the database read-only, never writes it.
 */
import { clientsClaim } from 'workbox-core';
import {
	cleanupOutdatedCaches,
	createHandlerBoundToURL,
	precacheAndRoute,
	type PrecacheEntry
} from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { peekDueRows } from '$lib/db/peek-due';
import { showBadge } from '$lib/device/badge';
import { runDueCheck } from '$lib/pwa/due-check';
import { DUE_CHECK_TAG } from '$lib/domain/due-today';

declare const self: ServiceWorkerGlobalScope & {
	__WB_MANIFEST: (string | PrecacheEntry)[];
};

// A new version waits until a tab says yes (src/lib/pwa/register.ts sends this).
self.addEventListener('message', (event) => {
	if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
// The first install takes the open page at once; later versions wait for the user's yes.
clientsClaim();

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// No route of the app starts with `_` or `userdb-`: a CouchDB served on the app's own origin (its
// /_utils, /_session or a user's database opened in a tab) gets the server's answer, not the app
// shell. Sync requests are fetches, never navigations, and nothing else is routed: they pass to the
// network as they are.
registerRoute(
	new NavigationRoute(createHandlerBoundToURL('/200.html'), {
		denylist: [/^\/_/, /^\/userdb-/]
	})
);

interface PeriodicSyncEvent extends ExtendableEvent {
	tag: string;
}

/** The daily check: badge, and the one notification when chosen and not in quiet hours. */
function dueCheck(): Promise<unknown> {
	return runDueCheck({
		read: () => peekDueRows(),
		now: Date.now(),
		permission: typeof Notification === 'undefined' ? 'default' : Notification.permission,
		setBadge: (n) => showBadge(n, self.navigator),
		notify: ({ title, body }) =>
			self.registration.showNotification(title, {
				body,
				tag: DUE_CHECK_TAG,
				icon: '/icons/icon-192.png',
				badge: '/icons/icon-192.png',
				data: { url: '/' }
			})
	});
}

self.addEventListener('periodicsync', ((event: PeriodicSyncEvent) => {
	if (event.tag === DUE_CHECK_TAG) event.waitUntil(dueCheck());
}) as EventListener);

// Tapping the notification opens Today: in a Kith window already open, or a new one.
self.addEventListener('notificationclick', (event) => {
	event.notification.close();
	event.waitUntil(
		(async () => {
			const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
			const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
			if (open) {
				await open.focus();
				// Drafts are saved as they are typed and flushed when the page is hidden: a move to
				// Today loses nothing.
				if (new URL(open.url).pathname !== '/') await open.navigate('/').catch(() => undefined);
				return;
			}
			await self.clients.openWindow('/');
		})()
	);
});
