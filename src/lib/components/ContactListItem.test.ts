import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ContactListItem, { initialOf } from './ContactListItem.svelte';
import { contact, IMG, SCRIPT } from './test-fixtures';

function avatar(container: HTMLElement): string | null | undefined {
	return container.querySelector('.avatar')?.textContent;
}

describe('ContactListItem', () => {
	afterEach(() => {
		delete (window as { __pwned?: unknown }).__pwned;
	});

	it('links to the contact and shows their name', () => {
		render(ContactListItem, { props: { contact: contact(), today: '2026-03-03' } });
		expect(screen.getByRole('link')).toHaveAttribute('href', '/contacts/c1');
		expect(screen.getByRole('link')).toHaveTextContent('Ama Mensah');
	});

	it.each([
		['an emoji with a skin tone and a joiner', '  👩🏽‍💻 Dev Team', '👩🏽‍💻'],
		['a flag', '🇬🇭 Kofi', '🇬🇭'],
		['a letter outside the basic plane', '𝒜da', '𝒜'],
		['a letter with a combining accent', 'e\u0301mile', 'E\u0301'],
		['a plain letter', 'zoë', 'Z']
	])('starts the avatar with the whole first character: %s', (_, name, initial) => {
		const { container } = render(ContactListItem, {
			props: { contact: contact({ name }), today: '2026-03-03' }
		});
		expect(avatar(container)).toBe(initial);
	});

	it('falls back to code points where Intl.Segmenter is missing', () => {
		const original = Intl.Segmenter;
		Object.defineProperty(Intl, 'Segmenter', { value: undefined, configurable: true });
		try {
			expect(initialOf('𝒜da')).toBe('𝒜');
			expect(initialOf(' 😀 smile')).toBe('😀');
		} finally {
			Object.defineProperty(Intl, 'Segmenter', { value: original, configurable: true });
		}
	});

	it('shows markup in the name and work as text, never as elements', () => {
		const { container } = render(ContactListItem, {
			props: {
				contact: contact({ name: IMG, role: SCRIPT, organization: IMG }),
				today: '2026-03-03'
			}
		});
		expect(screen.getByText(IMG, { selector: '.name' })).toBeVisible();
		expect(screen.getByText(`${SCRIPT} · ${IMG}`)).toBeVisible();
		expect(container.querySelector('img, script')).toBeNull();
		expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
	});
});
