// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mapRows, MAX_IMPORT_BYTES, parseImport, type ParseOutcome } from './import-parse';

function fixture(path: string): Uint8Array {
	return new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));
}
const text = (s: string) => new TextEncoder().encode(s);

function errorOf(outcome: ParseOutcome): string {
	if (outcome.kind !== 'error') throw new Error(`expected an error, got ${outcome.kind}`);
	return outcome.message;
}

describe('parseImport', () => {
	it('reads LinkedIn connections, reporting progress as it goes', () => {
		const seen: number[] = [];
		const { outcome } = parseImport(
			fixture('csv/linkedin-connections.csv'),
			'Connections.csv',
			(done, total) => seen.push(done / total)
		);
		expect(outcome.kind).toBe('linkedin');
		if (outcome.kind !== 'linkedin') return;
		expect(outcome.drafts[0]).toMatchObject({
			name: 'Ada Lovelace',
			circle: 'online',
			metOn: '2024-03-15',
			links: ['https://www.linkedin.com/in/ada-lovelace']
		});
		expect(seen.at(-1)).toBe(1);
	});

	it('moves the progress in steps through a big file', () => {
		const rows = Array.from(
			{ length: 1000 },
			(_, i) => `First${i},Last${i},https://www.linkedin.com/in/p${i},,Org ${i},Role,15 Mar 2024`
		);
		const file = text(
			['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\n')
		);
		const seen: number[] = [];
		const { outcome } = parseImport(file, 'Connections.csv', (d) => seen.push(d));
		expect(outcome.kind === 'linkedin' && outcome.drafts.length).toBe(1000);
		expect(seen.filter((d) => d > 0 && d < 1000).length).toBeGreaterThan(2);
	});

	it('asks for a column mapping for any other CSV, guessing it, then reads rows with it', () => {
		const { outcome, csv } = parseImport(fixture('csv/generic.csv'), 'fair.csv');
		expect(outcome.kind).toBe('mapping');
		if (outcome.kind !== 'mapping') return;
		expect(outcome.headers[0]).toBe('Full name');
		expect(outcome.mapping[0]).toBe('name');
		expect(outcome.sample.length).toBeGreaterThan(0);
		const mapped = mapRows(csv!, outcome.mapping);
		expect(mapped.kind === 'generic' && mapped.drafts[0]?.name).toBe('Ines Moreau');
		const noName = mapRows(
			csv!,
			outcome.mapping.map(() => null)
		);
		expect(errorOf(noName)).toMatch(/names/);
	});

	it('reads vCards and keeps the lines Kith has no field for', () => {
		const card = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\nBDAY:18151210\r\nEND:VCARD\r\n';
		const { outcome } = parseImport(text(card), 'ada.vcf');
		expect(outcome).toMatchObject({
			kind: 'vcard',
			drafts: [{ name: 'Ada', line: 1, extra: ['BDAY:18151210'] }]
		});
	});

	it('recognises a vCard by its content when the name does not say', () => {
		const card = 'BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEND:VCARD\n';
		expect(parseImport(text(card), 'contacts').outcome.kind).toBe('vcard');
	});

	describe('refuses, with a clear message', () => {
		it('a truncated vCard', () => {
			expect(errorOf(parseImport(fixture('vcard/truncated.vcf'), 'x.vcf').outcome)).toMatch(
				/cut short/
			);
		});
		it('a binary file named .vcf', () => {
			expect(errorOf(parseImport(fixture('vcard/binary.vcf'), 'x.vcf').outcome)).toMatch(
				/binary|not text/i
			);
		});
		it('a picture named .csv', () => {
			expect(errorOf(parseImport(fixture('csv/picture.png'), 'x.csv').outcome)).toMatch(
				/not plain text/
			);
		});
		it('a CSV with no recognisable header', () => {
			expect(errorOf(parseImport(fixture('csv/no-header.csv'), 'x.csv').outcome)).toMatch(
				/could not find a row naming the columns/
			);
		});
		it('an empty file', () => {
			expect(errorOf(parseImport(new Uint8Array(), 'x.csv').outcome)).toMatch(/empty/);
			expect(errorOf(parseImport(text('  \n'), 'x.vcf').outcome)).toMatch(/empty/i);
		});
		it('a file over the size limit', () => {
			const big = new Uint8Array(MAX_IMPORT_BYTES + 1);
			expect(errorOf(parseImport(big, 'x.csv').outcome)).toMatch(/up to 20 MB/);
		});
		it('a Kith backup, pointing to Restore', () => {
			const backup = text('{"format":"kith-backup","schemaVersion":1}');
			expect(errorOf(parseImport(backup, 'kith-backup.json').outcome)).toMatch(/Restore/);
		});
	});
});
