// Interviews exist only on the device, so their pages are served by the app shell, not prerendered.
export const prerender = false;
