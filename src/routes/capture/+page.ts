// Capture's form is in the page's HTML (prerendered with the layout), so it can be typed into
// before the app's code has loaded.
export const ssr = true;
