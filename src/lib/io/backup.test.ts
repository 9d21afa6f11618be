// @vitest-environment node
// Node, not jsdom: recordings hold Blobs, and the backup module must run without a DOM.
import { describe, expect, it, vi } from 'vitest';
import { TABLE_SCHEMAS } from '$lib/db/validate';
import { LATEST_VERSION } from '$lib/db/versions';
import { exampleTables } from './backup-arbitraries';
import { fromBase64, toBase64 } from './backup-base64';
import { BackupError, type BackupErrorCode } from './backup-errors';
import { BACKUP_UPGRADES, upgradeTables, type RawTables } from './backup-upgrades';
import {
	BACKUP_ROW_SCHEMAS,
	BACKUP_TABLES,
	canonicalJson,
	findBackupIssues,
	MAX_BACKUP_BYTES,
	parseBackup,
	serializeBackup,
	type BackupInput,
	type BackupTableName,
	type ParseOptions
} from './backup';

const meta = {
	schemaVersion: LATEST_VERSION,
	exportedAt: Date.UTC(2026, 3, 1),
	appVersion: '1.2.3'
};
const options: ParseOptions = { currentVersion: LATEST_VERSION };

async function exampleDoc(): Promise<Doc> {
	return JSON.parse(await serializeBackup(exampleTables(), meta));
}

async function refusal(input: BackupInput, opts: ParseOptions = options): Promise<BackupError> {
	const error = await parseBackup(input, opts).then(
		() => undefined,
		(e: unknown) => e
	);
	expect(error).toBeInstanceOf(BackupError);
	return error as BackupError;
}

async function expectRefused(input: BackupInput, code: BackupErrorCode, message?: string | RegExp) {
	const error = await refusal(input);
	expect(error.code).toBe(code);
	if (message) expect(error.message).toMatch(message);
	return error;
}

/** The example file with one change made to its parsed JSON. */
async function edited(change: (doc: Doc) => void) {
	const doc = await exampleDoc();
	change(doc);
	return JSON.stringify(doc);
}

describe('backup tables', () => {
	it('uses the same schemas as the database, for every table it has', () => {
		expect([...BACKUP_TABLES].sort()).toEqual(Object.keys(TABLE_SCHEMAS).sort());
		for (const table of BACKUP_TABLES) expect(BACKUP_ROW_SCHEMAS[table]).toBe(TABLE_SCHEMAS[table]);
	});

	it('has upgrade steps only for versions that have a successor', () => {
		for (const v of Object.keys(BACKUP_UPGRADES).map(Number))
			expect(v).toBeLessThan(LATEST_VERSION);
	});
});

describe('canonicalJson', () => {
	it('orders keys at every depth, whatever order they were set in', () => {
		const a = { b: 1, a: { z: [{ y: 1, x: 2 }], '10': 0, '2': 0 } };
		const b = { a: { '2': 0, '10': 0, z: [{ x: 2, y: 1 }] }, b: 1 };
		expect(canonicalJson(a)).toBe('{"a":{"10":0,"2":0,"z":[{"x":2,"y":1}]},"b":1}');
		expect(canonicalJson(b)).toBe(canonicalJson(a));
	});

	it('follows JSON.stringify for undefined, non-finite numbers, dates and strings', () => {
		const value = {
			u: undefined,
			n: [undefined, NaN, Infinity, -0],
			d: new Date(0),
			s: '\ud800"\n'
		};
		expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
		expect(canonicalJson(value)).toBe(
			'{"d":"1970-01-01T00:00:00.000Z","n":[null,null,null,0],"s":"\\ud800\\"\\n"}'
		);
	});
});

describe('base64', () => {
	it('encodes and decodes bytes across chunk boundaries', () => {
		expect(toBase64(new Uint8Array([1, 2, 3]))).toBe('AQID');
		expect(toBase64(new Uint8Array([255]))).toBe('/w==');
		const big = Uint8Array.from({ length: 100_003 }, (_, i) => (i * 7) % 256);
		expect(fromBase64(toBase64(big))).toEqual(big);
		expect(fromBase64('')).toEqual(new Uint8Array());
	});

	it('refuses text that is not canonical base64', () => {
		for (const bad of ['AQI', 'AQ=D', 'A QID', 'AQID!', '/x==', 'AQI=='])
			expect(fromBase64(bad), bad).toBeUndefined();
	});
});

describe('serializeBackup', () => {
	it('writes the envelope with every table, rows sorted by key and audio as base64', async () => {
		const tables = exampleTables();
		tables.contacts.reverse();
		const text = await serializeBackup(tables, meta);
		const doc = JSON.parse(text);
		expect(Object.keys(doc)).toEqual([
			'appVersion',
			'exportedAt',
			'format',
			'schemaVersion',
			'tables'
		]);
		expect(doc).toMatchObject({
			format: 'kith-backup',
			schemaVersion: LATEST_VERSION,
			exportedAt: '2026-04-01T00:00:00.000Z',
			appVersion: '1.2.3'
		});
		expect(Object.keys(doc.tables)).toEqual([...BACKUP_TABLES].sort());
		expect(doc.tables.contacts.map((c: { id: string }) => c.id)).toEqual(['c1', 'c2']);
		expect(doc.tables.recordings[0].blob).toEqual({ base64: 'AQID', type: 'audio/webm' });
		expect(Object.keys(doc.tables.contacts[1])).toEqual(Object.keys(doc.tables.contacts[1]).sort());
	});

	it('gives the same bytes for the same data, and writes empty tables as empty lists', async () => {
		const a = await serializeBackup(exampleTables(), meta);
		const shuffled = exampleTables();
		shuffled.interactions.reverse();
		shuffled.settings.reverse();
		expect(await serializeBackup(shuffled, meta)).toBe(a);
		const empty = Object.fromEntries(BACKUP_TABLES.map((t) => [t, []]));
		const text = await serializeBackup(empty as never, meta);
		expect(JSON.parse(text).tables).toEqual(empty);
	});
});

describe('parseBackup', () => {
	it('reads back what was written, audio included, from text, bytes or a file', async () => {
		const text = await serializeBackup(exampleTables(), meta);
		for (const input of [
			text,
			'\uFEFF' + text,
			new TextEncoder().encode(text),
			new TextEncoder().encode(text).buffer,
			new Blob([text])
		]) {
			const parsed = await parseBackup(input, options);
			expect(parsed).toMatchObject({
				schemaVersion: LATEST_VERSION,
				fileSchemaVersion: LATEST_VERSION,
				exportedAt: '2026-04-01T00:00:00.000Z',
				appVersion: '1.2.3',
				encrypted: false
			});
			const blob = parsed.tables.recordings[0]!.blob;
			expect(blob).toBeInstanceOf(Blob);
			expect(blob.type).toBe('audio/webm');
			expect(new Uint8Array(await blob.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3]));
			expect(parsed.tables.contacts.find((c) => c.id === 'c2')).toEqual(
				exampleTables().contacts[0]
			);
			expect(await serializeBackup(parsed.tables, meta)).toBe(text);
		}
	});

	it('refuses an empty file', async () => {
		await expectRefused('', 'empty', 'This file is empty');
		await expectRefused(' \n\t', 'empty');
		await expectRefused(new Uint8Array(), 'empty');
	});

	it('refuses text that is not JSON, or JSON cut short', async () => {
		const text = await serializeBackup(exampleTables(), meta);
		await expectRefused('hello, this is a letter', 'not-json', 'not valid JSON');
		await expectRefused(text.slice(0, Math.floor(text.length / 2)), 'not-json');
		await expectRefused(text.slice(0, -1), 'not-json');
		await expectRefused('BEGIN:VCARD\nVERSION:3.0\nEND:VCARD', 'not-json');
	});

	it('refuses binary files', async () => {
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe, 0x00]);
		await expectRefused(png, 'not-text', 'not text');
		await expectRefused(new Blob([png]), 'not-text');
	});

	it('refuses JSON that is not a Kith backup', async () => {
		for (const doc of [
			'{"format":"something-else","tables":{}}',
			'{"tables":{}}',
			'[]',
			'null',
			'"kith-backup"',
			'42'
		])
			await expectRefused(doc, 'not-kith', /^This is not a Kith backup\.$/);
	});

	it('refuses a backup from a newer Kith, naming both versions', async () => {
		const text = await edited((d) => (d.schemaVersion = LATEST_VERSION + 1));
		const error = await expectRefused(
			text,
			'newer-version',
			'made by a newer version of Kith; update Kith first'
		);
		expect(error.message).toContain(`version ${LATEST_VERSION + 1}`);
		expect(error.message).toContain(`up to version ${LATEST_VERSION}`);
	});

	it('refuses a backup that does not say its version', async () => {
		for (const v of [undefined, 0, -1, 1.5, '1', null])
			await expectRefused(await edited((d) => (d.schemaVersion = v)), 'bad-version');
	});

	it('refuses the whole file for one wrong value deep inside, naming where it is', async () => {
		const text = await edited((d) => {
			(d.tables.interactions[3] as { received: string[] }).received[1] = 'bogus';
		});
		const error = await expectRefused(text, 'invalid-rows');
		expect(error.message).toContain('interactions[3].received.1: should be one of');
		expect(error.message).toContain('(got "bogus")');
		expect(error.message).toContain('nothing was restored');
		expect(error.issues).toEqual([
			{
				table: 'interactions',
				index: 3,
				key: 'i3',
				path: ['received', 1],
				message: expect.stringContaining('should be one of inside-info')
			}
		]);
	});

	it.each([
		[
			'an invalid email',
			(d: Doc) => ((d.tables.contacts[1] as Row).emails = ['not-an-email']),
			'contacts[1].emails.0: That email address does not look complete (got "not-an-email")'
		],
		[
			'a link that is not http(s)',
			(d: Doc) => ((d.tables.contacts[1] as Row).links = ['javascript:alert(1)']),
			'contacts[1].links.0: Links must start with http:// or https://'
		],
		[
			'a number as text',
			(d: Doc) => ((d.tables.contacts[0] as Row).createdAt = '2024'),
			'contacts[0].createdAt: should be a number (got "2024")'
		],
		[
			'a fraction where a whole number belongs',
			(d: Doc) => ((d.tables.pitches[0] as Row).targetSeconds = 30.5),
			'pitches[0].targetSeconds: should be a whole number (got 30.5)'
		],
		[
			'an impossible date',
			(d: Doc) => ((d.tables.interactions[0] as Row).on = '2026-02-30'),
			'interactions[0].on: should be a date like 2024-05-31 (got "2026-02-30")'
		],
		[
			'an empty required name',
			(d: Doc) => ((d.tables.contacts[0] as Row).name = ''),
			'contacts[0].name: should not be empty'
		],
		[
			'a missing required field',
			(d: Doc) => delete (d.tables.pitches[0] as Row).title,
			'pitches[0].title: should be text (got nothing)'
		],
		[
			'a field Kith does not know',
			(d: Doc) => ((d.tables.questions[0] as Row).color = 'red'),
			'questions[0]: has fields Kith does not know: color'
		],
		[
			'a row that is not a record',
			(d: Doc) => (d.tables.drafts[0] = null),
			'drafts[0]: should be a record (got null)'
		],
		[
			'a setting value of the wrong shape',
			(d: Doc) => ((d.tables.settings[1] as Row).value = 10),
			'settings[1].value: should be at least 60 (got 10)'
		],
		[
			'a setting Kith does not know',
			(d: Doc) => ((d.tables.settings[0] as Row).key = 'theme'),
			'settings[0].key: should be one of'
		],
		[
			'a nested card field',
			(d: Doc) => ((d.tables.settings[0] as Row).value = { name: 'Me', links: [], email: 'x' }),
			'settings[0].value.email: That email address does not look complete'
		],
		[
			'damaged audio',
			(d: Doc) => ((d.tables.recordings[0] as Row).blob = { base64: 'AQI', type: 'audio/webm' }),
			'recordings[0].blob.base64: is damaged (not valid base64)'
		],
		[
			'audio in the wrong form',
			(d: Doc) => ((d.tables.recordings[0] as Row).blob = 'AQID'),
			'recordings[0].blob: should be audio data as { base64, type }'
		],
		[
			'two rows with one key',
			(d: Doc) => ((d.tables.interactions[2] as Row).id = 'i0'),
			'interactions[2].id: "i0" is used by an earlier row too'
		]
	])('refuses %s', async (_name, change, message) => {
		const error = await expectRefused(await edited(change), 'invalid-rows');
		expect(error.message).toContain(message);
		expect(error.issues).toHaveLength(1);
	});

	it('lists every problem, showing the first few in the message', async () => {
		const text = await edited((d) => {
			for (const row of d.tables.interactions as Row[]) row.channel = 'pigeon';
			(d.tables.contacts[0] as Row).name = '';
			(d.tables.contacts[1] as Row).tags = [''];
		});
		const error = await expectRefused(text, 'invalid-rows', /^This backup has 6 problems/);
		expect(error.issues.map((i) => `${i.table}[${i.index}]`)).toEqual([
			'contacts[0]',
			'contacts[1]',
			'interactions[0]',
			'interactions[1]',
			'interactions[2]',
			'interactions[3]'
		]);
		expect(error.message).toContain('; and 1 more.');
	});

	it('refuses unknown, missing and malformed tables', async () => {
		await expectRefused(
			await edited((d) => (d.tables.payments = [])),
			'unknown-table',
			'"payments"'
		);
		await expectRefused(
			await edited((d) => delete (d.tables as RawTables).questions),
			'missing-table',
			'"questions"'
		);
		await expectRefused(await edited((d) => (d.tables = [] as never)), 'missing-table');
		await expectRefused(
			await edited((d) => (d.tables.contacts = {} as never)),
			'invalid-rows',
			'"contacts" table is not a list'
		);
	});

	it('refuses a file over 50 MB before reading it', async () => {
		await expectRefused(
			'x'.repeat(MAX_BACKUP_BYTES + 1),
			'too-large',
			'larger than any Kith backup can be (50 MB)'
		);
		// Two bytes a character: under the limit in characters, over it in bytes.
		await expectRefused('é'.repeat(MAX_BACKUP_BYTES / 2 + 1), 'too-large');
		await expectRefused(new Uint8Array(MAX_BACKUP_BYTES + 1), 'too-large');
		const arrayBuffer = vi.fn();
		const file = { size: MAX_BACKUP_BYTES + 1, arrayBuffer } as unknown as Blob;
		await expectRefused(file, 'too-large');
		expect(arrayBuffer).not.toHaveBeenCalled();
		// Exactly at the limit is read (and then found not to be JSON).
		await expectRefused('x'.repeat(MAX_BACKUP_BYTES), 'not-json');
	});
});

describe('older backups', () => {
	it('restores a version 1 backup, which has no contactExtras table, with the real steps', async () => {
		const file = await edited((d) => {
			d.schemaVersion = 1;
			delete (d.tables as Partial<typeof d.tables>).contactExtras;
		});
		const parsed = await parseBackup(file, { currentVersion: LATEST_VERSION });
		expect(parsed.fileSchemaVersion).toBe(1);
		expect(parsed.tables.contactExtras).toEqual([]);
		expect(parsed.tables.contacts.length).toBeGreaterThan(0);
	});

	it('restores a version 2 backup, whose records carry no version, at version 1', async () => {
		const file = await edited((d) => {
			d.schemaVersion = 2;
			for (const name of ['contacts', 'interactions', 'pitches', 'interviews', 'questions'])
				d.tables[name] = d.tables[name]!.map((row) => {
					const { version: _v, ...rest } = row as Row;
					return rest;
				});
		});
		const parsed = await parseBackup(file, { currentVersion: LATEST_VERSION });
		expect(parsed.fileSchemaVersion).toBe(2);
		const versions = [
			...parsed.tables.contacts,
			...parsed.tables.interactions,
			...parsed.tables.pitches,
			...parsed.tables.interviews,
			...parsed.tables.questions
		].map((row) => row.version);
		expect(versions.length).toBeGreaterThan(4);
		expect(new Set(versions)).toEqual(new Set([1]));
	});

	it('restores a version 4 backup, which has no message templates, with none', async () => {
		const file = await edited((d) => {
			d.schemaVersion = 4;
			delete (d.tables as Partial<typeof d.tables>).templates;
		});
		const parsed = await parseBackup(file, { currentVersion: LATEST_VERSION });
		expect(parsed.fileSchemaVersion).toBe(4);
		expect(parsed.tables.templates).toEqual([]);
		expect(parsed.tables.contacts.length).toBeGreaterThan(0);
		// Without the step, the file would be refused as incomplete.
		const { 4: _step, ...withoutStep } = BACKUP_UPGRADES;
		const error = await refusal(file, { currentVersion: LATEST_VERSION, upgrades: withoutStep });
		expect(error.code).toBe('missing-table');
	});

	it('carries message templates through a round trip, and refuses one that does not fit', async () => {
		const parsed = await parseBackup(await serializeBackup(exampleTables(), meta), options);
		expect(parsed.tables.templates.map((t) => t.name).sort()).toEqual([
			'My thank-you',
			'Quick hello'
		]);
		const bad = await edited((d) => {
			(d.tables.templates![0] as Row).moment = 'birthday';
		});
		const error = await refusal(bad);
		expect(error.code).toBe('invalid-rows');
		expect(error.message).toMatch(/templates/);
	});

	// A pretend history: version 1 called the name `fullName` and had a table since dropped.
	const upgrades = {
		1: (t: RawTables): RawTables => ({
			...t,
			contacts: t.contacts!.map((c) => {
				const { fullName, ...rest } = c as Row;
				return { ...rest, name: fullName };
			})
		}),
		2: (t: RawTables): RawTables => {
			const { oldNotes: _dropped, ...rest } = t;
			return rest;
		}
	};

	async function versionOneFile() {
		return edited((d) => {
			d.schemaVersion = 1;
			d.tables.contacts = d.tables.contacts!.map((c) => {
				const { name, ...rest } = c as Row;
				return { ...rest, fullName: name };
			});
			d.tables.oldNotes = [{ id: 'n1' }];
		});
	}

	it('runs each upgrade step from the file’s version up, then checks the rows', async () => {
		const parsed = await parseBackup(await versionOneFile(), { currentVersion: 3, upgrades });
		expect(parsed.fileSchemaVersion).toBe(1);
		expect(parsed.schemaVersion).toBe(3);
		expect(parsed.tables.contacts.map((c) => c.name).sort()).toEqual(['Sam Lee', 'Zoë Ångström']);
	});

	it('without the steps the old rows would be refused', async () => {
		const error = await refusal(await versionOneFile(), { currentVersion: 3, upgrades: {} });
		expect(error.code).toBe('unknown-table');
	});

	it('runs only the steps after the file’s version, in order', () => {
		const calls: number[] = [];
		const steps = {
			1: (t: RawTables) => (calls.push(1), t),
			2: (t: RawTables) => (calls.push(2), t),
			4: (t: RawTables) => (calls.push(4), t)
		};
		upgradeTables({}, 2, 5, steps);
		expect(calls).toEqual([2, 4]);
		upgradeTables({}, 1, 2, steps);
		expect(calls).toEqual([2, 4, 1]);
	});

	it('refuses a file a step cannot upgrade', async () => {
		const text = await edited((d) => (d.schemaVersion = 1));
		const error = await refusal(text, {
			currentVersion: 2,
			upgrades: {
				1: () => {
					throw new Error('unexpected shape');
				}
			}
		});
		expect(error.code).toBe('bad-version');
		expect(error.message).toContain('could not be brought up to date');
	});
});

describe('findBackupIssues', () => {
	it('finds nothing in sound tables and names rows a restore would refuse', async () => {
		expect(await findBackupIssues(exampleTables())).toEqual([]);
		const tables = exampleTables();
		tables.contacts[1]!.emails = ['nope'];
		expect(await findBackupIssues(tables)).toMatchObject([
			{ table: 'contacts', index: 1, key: 'c1', path: ['emails', 0] }
		]);
	});
});

type Row = Record<string, unknown>;
/** The file's JSON: every current table present, and room for tables Kith does not know. */
type Doc = Record<string, unknown> & {
	tables: { [T in BackupTableName]: unknown[] } & { [name: string]: unknown[] | undefined };
};
