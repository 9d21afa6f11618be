import { describe, expect, it } from 'vitest';
import { testDb } from '$lib/db/testing/factories';
import { emptyMyCardForm, type MyCardForm } from '$lib/domain/my-card';
import { readMyCard, saveMyCard } from './my-card.service';

const form = (fields: Partial<MyCardForm>): MyCardForm => ({ ...emptyMyCardForm(), ...fields });

describe('my card service', () => {
	it('saves the card and reads it back', async () => {
		const db = testDb();
		expect(await readMyCard(db)).toBeUndefined();
		const result = await saveMyCard(
			db,
			form({
				name: '  Ama   Mensah ',
				headline: 'Archivist, looking for records roles',
				email: 'ama@example.org',
				phone: '+1 555 0100',
				links: ['linkedin.com/in/ama', '', 'https://ama.example.org']
			})
		);
		expect(result.ok).toBe(true);
		expect(await readMyCard(db)).toEqual({
			name: 'Ama Mensah',
			headline: 'Archivist, looking for records roles',
			email: 'ama@example.org',
			phone: '+1 555 0100',
			links: ['https://linkedin.com/in/ama', 'https://ama.example.org']
		});
		// Saving again replaces the card; emptied fields are gone, not kept as empty strings.
		await saveMyCard(db, form({ name: 'Ama Mensah' }));
		expect(await readMyCard(db)).toEqual({ name: 'Ama Mensah', links: [] });
	});

	it('writes nothing and says what is wrong, field by field', async () => {
		const db = testDb();
		await saveMyCard(db, form({ name: 'Ama' }));
		const result = await saveMyCard(
			db,
			form({ name: ' ', email: 'ama@', phone: 'call me', links: ['ok.example.org', 'ftp://x.org'] })
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				name: 'Add your name, so people know whose card it is.',
				email: 'That email address does not look complete (name@example.org).',
				phone: 'Use digits, spaces and + ( ) - only.',
				'links.1': 'Only web links that start with http:// or https:// can be saved.'
			}
		});
		expect(await readMyCard(db)).toEqual({ name: 'Ama', links: [] });
	});
});
