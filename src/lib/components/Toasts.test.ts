import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dismissToast, pauseToast, resumeToast, showToast, toasts } from '$lib/state/toasts.svelte';
import Toasts from './Toasts.svelte';

function shown(id: number): boolean {
	return toasts.list.some((t) => t.id === id);
}

function setup() {
	const id = showToast('Ama moved to the trash.', { actionLabel: 'Undo', onAction: vi.fn() });
	const onAction = vi.fn();
	render(Toasts, {
		props: {
			list: toasts.list,
			onDismiss: dismissToast,
			onAction,
			onPause: pauseToast,
			onResume: resumeToast
		}
	});
	const toast = screen.getByText('Ama moved to the trash.').parentElement!;
	return { id, toast, onAction };
}

describe('Toasts', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		for (const t of toasts.list) dismissToast(t.id);
		vi.useRealTimers();
	});

	it('lets an Undo toast run out after eight seconds when left alone', () => {
		const { id } = setup();
		vi.advanceTimersByTime(7999);
		expect(shown(id)).toBe(true);
		vi.advanceTimersByTime(1);
		expect(shown(id)).toBe(false);
	});

	it('holds while the pointer is over it, then finishes its time', async () => {
		const { id, toast } = setup();
		vi.advanceTimersByTime(5000);
		await fireEvent.pointerEnter(toast);
		vi.advanceTimersByTime(60_000);
		expect(shown(id)).toBe(true);
		await fireEvent.pointerLeave(toast);
		vi.advanceTimersByTime(2999);
		expect(shown(id)).toBe(true);
		vi.advanceTimersByTime(1);
		expect(shown(id)).toBe(false);
	});

	it('gives at least two seconds after the pointer leaves, so it does not vanish at once', async () => {
		const { id, toast } = setup();
		vi.advanceTimersByTime(7900);
		await fireEvent.pointerEnter(toast);
		vi.advanceTimersByTime(10_000);
		await fireEvent.pointerLeave(toast);
		vi.advanceTimersByTime(1999);
		expect(shown(id)).toBe(true);
		vi.advanceTimersByTime(1);
		expect(shown(id)).toBe(false);
	});

	it('holds while keyboard focus is inside it, even when the pointer passes by', async () => {
		const { id, toast } = setup();
		const undo = screen.getByRole('button', { name: 'Undo' });
		const close = screen.getByRole('button', { name: 'Dismiss message' });
		await fireEvent.focusIn(undo);
		await fireEvent.pointerEnter(toast);
		await fireEvent.pointerLeave(toast);
		vi.advanceTimersByTime(30_000);
		expect(shown(id)).toBe(true);
		// Tabbing from Undo to the close button stays inside the toast.
		await fireEvent.focusOut(undo, { relatedTarget: close });
		await fireEvent.focusIn(close, { relatedTarget: undo });
		vi.advanceTimersByTime(30_000);
		expect(shown(id)).toBe(true);
		await fireEvent.focusOut(close, { relatedTarget: document.body });
		vi.advanceTimersByTime(8000);
		expect(shown(id)).toBe(false);
	});

	it('holds while the app is in the background', () => {
		const { id } = setup();
		const visibility = vi.spyOn(document, 'visibilityState', 'get');
		visibility.mockReturnValue('hidden');
		document.dispatchEvent(new Event('visibilitychange'));
		vi.advanceTimersByTime(60_000);
		expect(shown(id)).toBe(true);
		visibility.mockReturnValue('visible');
		document.dispatchEvent(new Event('visibilitychange'));
		vi.advanceTimersByTime(8000);
		expect(shown(id)).toBe(false);
	});

	it('raises its action and dismissal', async () => {
		const { id, onAction } = setup();
		await fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
		expect(onAction).toHaveBeenCalledWith(expect.objectContaining({ id }));
		await fireEvent.click(screen.getByRole('button', { name: 'Dismiss message' }));
		expect(shown(id)).toBe(false);
	});

	it('shows the message as text', () => {
		showToast('<img src=x onerror="window.__pwned=1"> saved.');
		const { container } = render(Toasts, {
			props: { list: toasts.list, onDismiss: dismissToast, onAction: vi.fn() }
		});
		expect(screen.getByText('<img src=x onerror="window.__pwned=1"> saved.')).toBeVisible();
		expect(container.querySelector('img')).toBeNull();
	});
});
