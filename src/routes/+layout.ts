// A single-page app: pages render in the browser, and each route's shell is prerendered so the
// service worker can precache it.
export const ssr = false;
export const prerender = true;
export const trailingSlash = 'never';
