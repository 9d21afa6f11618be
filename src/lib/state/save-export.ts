/**
 * Saving an export from a page: write the file, hand it to the browser's downloads, and say what
 * happened (a failure is told in words, through attempt). The export writers load on first use.
 */
import { exporter, type ExportFile, type ExportKind } from '$lib/services/export.service';
import { downloadText } from '$lib/device/download';
import { attempt, type Outcome } from './attempt';

async function save(make: () => Promise<ExportFile>): Promise<Outcome<ExportFile>> {
	return attempt(
		async () => {
			const file = await make();
			downloadText(file.text, file.fileName, file.mimeType);
			return file;
		},
		{ success: (file) => `Saved ${file.fileName} to your downloads.` }
	);
}

/** One of the Settings export buttons. */
export function saveExport(kind: ExportKind): Promise<Outcome<ExportFile>> {
	return save(() => exporter.kind(kind));
}

/** One contact's card, from their page. */
export function saveContactVCard(id: string): Promise<Outcome<ExportFile>> {
	return save(() => exporter.oneVCard(id));
}
