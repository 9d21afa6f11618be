// The dom project's tests also get the DOM matchers (toBeVisible, toHaveValue...).
import '@testing-library/jest-dom/vitest';
