import { describe, expect, it, vi } from 'vitest';
import { getRepos } from '$lib/db';
import { FormDraft } from './form-draft.svelte';

type Values = { name: string; notes: string };
const blank: Values = { name: '', notes: '' };
const parse = (raw: unknown) => {
	const v = raw as Partial<Values>;
	return typeof v?.name === 'string' && typeof v.notes === 'string' ? (v as Values) : undefined;
};

describe('FormDraft', () => {
	it('stores every change and restores it in a new session', async () => {
		const key = `t-${crypto.randomUUID()}`;
		const first = new FormDraft(key, blank, parse);
		first.change({ name: 'Ri', notes: '' });
		first.change({ name: 'Rin', notes: 'met at the library' });
		await first.flush();
		expect(first.status).toBe('saved');
		expect((await getRepos().drafts.get(first.storageKey))?.values).toEqual({
			name: 'Rin',
			notes: 'met at the library'
		});

		const second = new FormDraft(key, blank, parse);
		await second.load();
		expect(second.values).toEqual({ name: 'Rin', notes: 'met at the library' });
		expect(second.restored).toBe(true);
	});

	it('does not overwrite what the user typed before the draft loaded', async () => {
		const key = `t-${crypto.randomUUID()}`;
		await getRepos().drafts.save(key, { name: 'old', notes: '' });
		const d = new FormDraft(key, blank, parse);
		d.change({ name: 'new', notes: '' });
		await d.load();
		expect(d.values.name).toBe('new');
	});

	it('ignores a stored draft of the wrong shape', async () => {
		const key = `t-${crypto.randomUUID()}`;
		await getRepos().drafts.save(key, { name: 42 });
		const d = new FormDraft(key, blank, parse);
		await d.load();
		expect(d.values).toEqual(blank);
		expect(d.restored).toBe(false);
	});

	it('falls back to localStorage when the database refuses the write, and prefers the newer copy', async () => {
		const key = `t-${crypto.randomUUID()}`;
		const drafts = getRepos().drafts;
		const spy = vi
			.spyOn(drafts, 'save')
			.mockRejectedValue(new DOMException('closed', 'DatabaseClosedError'));
		const d = new FormDraft(key, blank, parse);
		d.change({ name: 'Kept', notes: '' });
		await d.flush();
		expect(d.status).toBe('saved');
		expect(localStorage.getItem(`kith:draft:${d.storageKey}`)).toContain('Kept');
		spy.mockRestore();

		const again = new FormDraft(key, blank, parse);
		await again.load();
		expect(again.values.name).toBe('Kept');
	});

	it('removes the stored draft when the form is emptied again', async () => {
		const key = `t-${crypto.randomUUID()}`;
		const d = new FormDraft(key, blank, parse);
		d.change({ name: 'x', notes: '' });
		d.change({ name: '', notes: '' });
		await d.flush();
		expect(await getRepos().drafts.get(d.storageKey)).toBeUndefined();
		expect(d.dirty).toBe(false);
	});

	it('is settled once every change is stored, so a save need not wait', async () => {
		const key = `t-${crypto.randomUUID()}`;
		const d = new FormDraft(key, blank, parse);
		await d.flush();
		expect(d.settled).toBe(true);
		d.change({ name: 'Ka', notes: '' });
		d.change({ name: 'Kai', notes: '' });
		expect(d.settled).toBe(false);
		await d.flush();
		expect(d.settled).toBe(true);
		expect((await getRepos().drafts.get(d.storageKey))?.values).toEqual({ name: 'Kai', notes: '' });
	});

	it('keeps the latest values in localStorage when the page goes away with a write on its way', async () => {
		const key = `t-${crypto.randomUUID()}`;
		const drafts = getRepos().drafts;
		// The page is closing: the database write never finishes.
		const spy = vi.spyOn(drafts, 'save').mockReturnValue(new Promise(() => {}) as never);
		const d = new FormDraft(key, blank, parse);
		d.change({ name: 'Closing', notes: '' });
		window.dispatchEvent(new PageTransitionEvent('pagehide'));
		spy.mockRestore();
		expect(JSON.parse(localStorage.getItem(`kith:draft:${d.storageKey}`)!).values).toEqual({
			name: 'Closing',
			notes: ''
		});

		const next = new FormDraft(key, blank, parse);
		await next.load();
		expect(next.values.name).toBe('Closing');
		expect(next.restored).toBe(true);
	});

	it('takes over a draft a closed tab left, never one another open tab is typing in', async () => {
		const form = `t-${crypto.randomUUID()}`;
		const drafts = getRepos().drafts;
		await drafts.save(`${form}@closed`, { name: 'Left behind', notes: '' }, 5);
		await drafts.save(`${form}@open`, { name: 'Being typed', notes: '' }, 9);
		// Only the other open tab holds its lock.
		Object.defineProperty(navigator, 'locks', {
			configurable: true,
			value: { query: async () => ({ held: [{ name: 'kith:tab:open', mode: 'exclusive' }] }) }
		});
		try {
			const d = new FormDraft(form, blank, parse);
			await d.load();
			expect(d.values.name).toBe('Left behind');
			expect(d.restored).toBe(true);
			const keys = (await drafts.ofForm(form)).map((x) => x.key).sort();
			expect(keys).toEqual([`${form}@open`, d.storageKey].sort());

			// Nothing else is left: the next form in another tab starts blank.
			const again = new FormDraft(form, blank, parse);
			await drafts.remove(d.storageKey);
			await again.load();
			expect(again.values).toEqual(blank);
		} finally {
			delete (navigator as { locks?: unknown }).locks;
		}
	});
});
