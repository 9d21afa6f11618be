import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import ConfirmDialog from './ConfirmDialog.svelte';

// jsdom has <dialog> but not its modal methods; these behave like the browser's for what is tested.
beforeAll(() => {
	HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
		this.setAttribute('open', '');
	};
	HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
		if (!this.hasAttribute('open')) return;
		this.removeAttribute('open');
		this.dispatchEvent(new Event('close'));
	};
});

function setup(open = true) {
	const onConfirm = vi.fn();
	const onCancel = vi.fn();
	const view = render(ConfirmDialog, {
		props: {
			open,
			title: 'Clear this form?',
			message: 'What you typed is thrown away.',
			confirmLabel: 'Clear',
			onConfirm,
			onCancel
		}
	});
	const dialog = screen.getByRole('dialog', { name: 'Clear this form?' }) as HTMLDialogElement;
	return { ...view, dialog, onConfirm, onCancel };
}

describe('ConfirmDialog', () => {
	it('gives each dialog its own title id', () => {
		const props = {
			open: true,
			message: 'm',
			confirmLabel: 'OK',
			onConfirm: vi.fn(),
			onCancel: vi.fn()
		};
		render(ConfirmDialog, { props: { ...props, title: 'First question?' } });
		render(ConfirmDialog, { props: { ...props, title: 'Second question?' } });
		const first = screen.getByRole('dialog', { name: 'First question?' });
		const second = screen.getByRole('dialog', { name: 'Second question?' });
		expect(first.getAttribute('aria-labelledby')).not.toBe(second.getAttribute('aria-labelledby'));
		expect(document.querySelectorAll('[id^="confirm-title"]')).toHaveLength(2);
	});

	it('reports a confirm once, and no cancel when the page then closes it', async () => {
		const { dialog, onConfirm, onCancel, rerender } = setup();
		expect(dialog.open).toBe(true);
		await fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
		await rerender({ open: false });
		expect(dialog.open).toBe(false);
		expect(onConfirm).toHaveBeenCalledOnce();
		expect(onCancel).not.toHaveBeenCalled();
	});

	it('reports the Cancel button once', async () => {
		const { dialog, onConfirm, onCancel, rerender } = setup();
		await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
		await rerender({ open: false });
		expect(dialog.open).toBe(false);
		expect(onCancel).toHaveBeenCalledOnce();
		expect(onConfirm).not.toHaveBeenCalled();
	});

	it('reports Escape (the browser closing it) as one cancel', async () => {
		const { dialog, onConfirm, onCancel, rerender } = setup();
		// What the browser does on Escape: a cancel event, then it closes the dialog itself.
		await fireEvent(dialog, new Event('cancel', { cancelable: true }));
		dialog.close();
		expect(onCancel).toHaveBeenCalledOnce();
		await rerender({ open: false });
		expect(onCancel).toHaveBeenCalledOnce();
		expect(onConfirm).not.toHaveBeenCalled();
	});
});
