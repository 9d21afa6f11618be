// Pitch pages exist only on the device, so they are served by the app shell, not prerendered.
export const prerender = false;
