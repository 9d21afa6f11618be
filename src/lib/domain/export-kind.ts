/** The exports Settings offers, named the same by the buttons, the page and the export service. */
export type ExportKind = 'vcard-4.0' | 'vcard-3.0' | 'contacts-csv' | 'touchpoints-csv';
