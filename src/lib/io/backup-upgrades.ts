/**
 * Brings the tables of a backup made by an older Kith up to the current shape, one version at a
 * time, before they are validated. `BACKUP_UPGRADES[n]` turns rows as database version n stored
 * them into rows as version n + 1 stores them, mirroring that version's upgrade in db/versions.ts
 * (which cannot be reused: it runs against a live Dexie transaction, and this runs on plain rows).
 *
 * A version that changed only indexes needs no step. A step that adds a table must add it as an
 * empty list, since every current table must be present after upgrading. Steps see the rows as
 * the file holds them: a recording's audio is still `{ base64, type }`.
 */

import { VERSIONED_TABLES, withFirstVersion } from '$lib/domain/stamp';

/** Rows as read from the file, keyed by table name, not yet checked against any schema. */
export type RawTables = Record<string, unknown[]>;
export type BackupUpgrade = (tables: RawTables) => RawTables;

export const BACKUP_UPGRADES: Readonly<Record<number, BackupUpgrade>> = {
	// Version 2 adds contactExtras (vCard lines kept for export); older backups have none.
	1: (tables) => ({ ...tables, contactExtras: tables.contactExtras ?? [] }),
	// Version 3 gives every editable record a version; rows saved before start at 1.
	2: (tables) => {
		const out = { ...tables };
		for (const name of VERSIONED_TABLES) {
			const rows = tables[name];
			if (Array.isArray(rows))
				out[name] = rows.map((row) =>
					row && typeof row === 'object' && !Array.isArray(row) ? withFirstVersion(row) : row
				);
		}
		return out;
	},
	// Version 5 adds message templates; a backup from before holds none.
	4: (tables) => ({ ...tables, templates: tables.templates ?? [] })
};

/** Runs every step from `from` up to `to`; versions without a step pass their rows through. */
export function upgradeTables(
	tables: RawTables,
	from: number,
	to: number,
	upgrades: Readonly<Record<number, BackupUpgrade>> = BACKUP_UPGRADES
): RawTables {
	let current = tables;
	for (let v = from; v < to; v++) {
		const step = upgrades[v];
		if (step) current = step(current);
	}
	return current;
}
