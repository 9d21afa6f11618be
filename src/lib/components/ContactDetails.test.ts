import { render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import ContactDetails from './ContactDetails.svelte';
import { contact, IMG, SCRIPT } from './test-fixtures';

function hrefs(container: HTMLElement): string[] {
	return [...container.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');
}

describe('ContactDetails', () => {
	afterEach(() => {
		delete (window as { __pwned?: unknown }).__pwned;
	});

	it('shows markup anywhere in a contact as text, never as elements', () => {
		const { container } = render(ContactDetails, {
			props: {
				contact: contact({
					name: IMG,
					organization: SCRIPT,
					role: IMG,
					field: SCRIPT,
					metAt: IMG,
					notes: `${IMG}\n${SCRIPT}`,
					tags: [IMG, SCRIPT]
				}),
				introducer: { id: 'c2', name: SCRIPT, deleted: false },
				introduced: [contact({ id: 'c3', name: IMG })],
				today: '2026-03-03'
			}
		});
		expect(screen.getByText(`${IMG} at ${SCRIPT}`)).toBeVisible();
		expect(screen.getByText(SCRIPT, { selector: 'dd' })).toBeVisible();
		expect(screen.getByText(IMG, { selector: 'dd' })).toBeVisible();
		expect(container.querySelector('.notes')?.textContent).toBe(`${IMG}\n${SCRIPT}`);
		expect(screen.getByRole('link', { name: `#${IMG}` })).toBeVisible();
		expect(screen.getByRole('link', { name: `#${SCRIPT}` })).toBeVisible();
		expect(screen.getByRole('link', { name: SCRIPT })).toHaveAttribute('href', '/contacts/c2');
		expect(screen.getByRole('link', { name: IMG })).toHaveAttribute('href', '/contacts/c3');
		expect(container.querySelector('img, script')).toBeNull();
		expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
	});

	it('makes links only of http(s) web addresses, email and phone numbers', () => {
		const unsafe = [
			'javascript:window.__pwned=1',
			'JavaScript:window.__pwned=1',
			' javascript:window.__pwned=1',
			'data:text/html,<script>window.__pwned=1</script>',
			'vbscript:msgbox(1)',
			'ftp://example.org/file'
		];
		const { container } = render(ContactDetails, {
			props: {
				contact: contact({
					emails: ['ama@example.org'],
					phones: ['+1 (555) 010-0100'],
					links: ['https://example.org/ama', 'http://blog.example.net/', ...unsafe],
					tags: ['mentor']
				}),
				introduced: [],
				today: '2026-03-03'
			}
		});
		for (const text of unsafe) {
			for (const shown of screen.getAllByText(text.trim())) expect(shown.closest('a')).toBeNull();
		}
		expect(screen.getByRole('link', { name: 'ama@example.org' })).toHaveAttribute(
			'href',
			'mailto:ama@example.org'
		);
		expect(screen.getByRole('link', { name: '+1 (555) 010-0100' })).toHaveAttribute(
			'href',
			'tel:+15550100100'
		);
		expect(screen.getByRole('link', { name: 'example.org/ama' })).toHaveAttribute(
			'href',
			'https://example.org/ama'
		);
		expect(screen.getByRole('link', { name: 'blog.example.net' })).toHaveAttribute(
			'rel',
			expect.stringContaining('noopener')
		);
		expect(screen.getByRole('link', { name: '#mentor' })).toHaveAttribute(
			'href',
			'/contacts?tag=mentor'
		);
		const all = hrefs(container);
		expect(all).toHaveLength(5);
		for (const href of all) expect(href).toMatch(/^(https?:\/\/|mailto:|tel:|\/contacts)/);
	});

	it('keeps a tag with URL syntax inside its filter link', () => {
		render(ContactDetails, {
			props: {
				contact: contact({ tags: ['a&b=c#d?'] }),
				introduced: [],
				today: '2026-03-03'
			}
		});
		const link = screen.getByRole('link', { name: '#a&b=c#d?' });
		expect(new URL(link.getAttribute('href') ?? '', 'http://x').searchParams.get('tag')).toBe(
			'a&b=c#d?'
		);
	});

	it('lists whom they introduced, marking those in the trash', () => {
		render(ContactDetails, {
			props: {
				contact: contact(),
				introduced: [contact({ id: 'c4', name: 'Kofi', deletedAt: 5 })],
				today: '2026-03-03'
			}
		});
		const item = screen.getByRole('link', { name: 'Kofi' }).closest('li')!;
		expect(within(item).getByText('in the trash')).toBeVisible();
	});
});
