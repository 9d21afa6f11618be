/**
 * The settings table's repository: one row per setting (`key` and its `value`), stored in the
 * IndexedDB "kith" database's `settings` table, each read checked against its schema.
 */
import { settingSchemas, type SettingKey, type SettingValue } from '$lib/domain/setting';
import type { KithDB } from './database';

export function settingsRepo(db: KithDB) {
	return {
		/** A stored value that no longer fits its schema reads as unset rather than breaking a screen. */
		async get<K extends SettingKey>(key: K): Promise<SettingValue<K> | undefined> {
			const row = await db.settings.get(key);
			if (!row) return undefined;
			const parsed = settingSchemas[key].safeParse(row.value);
			return parsed.success ? (parsed.data as SettingValue<K>) : undefined;
		},
		set<K extends SettingKey>(key: K, value: SettingValue<K>) {
			return db.settings.put({ key, value: settingSchemas[key].parse(value) });
		},
		remove: (key: SettingKey) => db.settings.delete(key)
	};
}
