import { afterEach, describe, expect, it, vi } from 'vitest';
import { toasts, dismissToast } from './toasts.svelte';

const file = {
	text: 'BEGIN:VCARD\r\n',
	fileName: 'kith-contacts-2026-04-01.vcf',
	mimeType: 'text/vcard'
};
const kind = vi.fn();
const oneVCard = vi.fn();
const downloadText = vi.fn();

vi.mock('$lib/services/export.service', () => ({ exporter: { kind, oneVCard } }));
vi.mock('$lib/device/download', () => ({ downloadText }));

const { saveContactVCard, saveExport } = await import('./save-export');

afterEach(() => {
	for (const t of toasts.list) dismissToast(t.id);
	vi.clearAllMocks();
});

describe('saveExport', () => {
	it('downloads the file it was given and says where it went', async () => {
		kind.mockResolvedValue(file);
		const outcome = await saveExport('vcard-3.0');
		expect(kind).toHaveBeenCalledWith('vcard-3.0');
		expect(downloadText).toHaveBeenCalledWith(file.text, file.fileName, file.mimeType);
		expect(outcome.ok).toBe(true);
		expect(toasts.list.map((t) => t.message)).toEqual([
			'Saved kith-contacts-2026-04-01.vcf to your downloads.'
		]);
	});

	it('tells the user when the export fails, and downloads nothing', async () => {
		kind.mockRejectedValue(new Error('boom'));
		const outcome = await saveExport('contacts-csv');
		expect(outcome.ok).toBe(false);
		expect(downloadText).not.toHaveBeenCalled();
		expect(toasts.list.map((t) => t.tone)).toEqual(['error']);
	});
});

describe('saveContactVCard', () => {
	it('downloads one contact’s card', async () => {
		oneVCard.mockResolvedValue({ ...file, fileName: 'ada.vcf' });
		await saveContactVCard('id-1');
		expect(oneVCard).toHaveBeenCalledWith('id-1');
		expect(downloadText).toHaveBeenCalledWith(file.text, 'ada.vcf', file.mimeType);
	});
});
