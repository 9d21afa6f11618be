import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ExportPanel from './ExportPanel.svelte';

function setup(busy = false) {
	const onExport = vi.fn();
	const view = render(ExportPanel, { props: { busy, onExport } });
	return { ...view, onExport };
}

const button = (name: string) => screen.getByRole('button', { name });

describe('ExportPanel', () => {
	it('is a named Export section', () => {
		setup();
		expect(screen.getByRole('region', { name: 'Export' })).toBeTruthy();
	});

	it('exports vCard 4.0 unless 3.0 is chosen', async () => {
		const { onExport } = setup();
		const v4 = screen.getByRole('radio', { name: /4\.0.*newer phones and apps/ });
		const v3 = screen.getByRole('radio', { name: /3\.0.*older address books/ });
		expect((v4 as HTMLInputElement).checked).toBe(true);
		expect((v3 as HTMLInputElement).checked).toBe(false);
		await fireEvent.click(button('Contacts as vCard (.vcf)'));
		expect(onExport).toHaveBeenLastCalledWith('vcard-4.0');
		await fireEvent.click(v3);
		await fireEvent.click(button('Contacts as vCard (.vcf)'));
		expect(onExport).toHaveBeenLastCalledWith('vcard-3.0');
		await fireEvent.click(v4);
		await fireEvent.click(button('Contacts as vCard (.vcf)'));
		expect(onExport).toHaveBeenLastCalledWith('vcard-4.0');
	});

	it('asks for each CSV by its own button', async () => {
		const { onExport } = setup();
		await fireEvent.click(button('Contacts as CSV (spreadsheet)'));
		expect(onExport).toHaveBeenLastCalledWith('contacts-csv');
		await fireEvent.click(button('Touchpoints as CSV'));
		expect(onExport).toHaveBeenLastCalledWith('touchpoints-csv');
		expect(onExport).toHaveBeenCalledTimes(2);
	});

	it('waits while another action runs', async () => {
		const { onExport } = setup(true);
		for (const name of [
			'Contacts as vCard (.vcf)',
			'Contacts as CSV (spreadsheet)',
			'Touchpoints as CSV'
		]) {
			expect((button(name) as HTMLButtonElement).disabled).toBe(true);
			await fireEvent.click(button(name));
		}
		expect(onExport).not.toHaveBeenCalled();
	});
});
