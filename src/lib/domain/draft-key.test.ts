import { describe, expect, it } from 'vitest';
import { draftTab, tabDraftKey } from './draft-key';

describe('draft keys', () => {
	it('name the tab of a form’s draft, and tell another form’s draft apart', () => {
		expect(tabDraftKey('capture', 'a1')).toBe('capture@a1');
		expect(draftTab('capture@a1', 'capture')).toBe('a1');
		// A draft stored before drafts belonged to tabs: nobody's.
		expect(draftTab('capture', 'capture')).toBe('');
		expect(draftTab('capture:shared@a1', 'capture')).toBeUndefined();
		expect(draftTab('touchpoint:c1:t1@a1', 'touchpoint:c1')).toBeUndefined();
		expect(draftTab('touchpoint:c1@a1', 'touchpoint:c1')).toBe('a1');
	});
});
