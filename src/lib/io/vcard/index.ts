/**
 * The vCard module's public face: reading (vcard-read.ts) and writing (vcard-write.ts); both use
 * the content-line rules in ../content-line.ts that the iCalendar writer shares.
 */
export {
	decodeVCardBytes,
	parseVCards,
	type ParsedCard,
	type VCardError,
	type VCardParseResult
} from './vcard-read';
export {
	myCardToVCard,
	serializeVCard,
	serializeVCards,
	type MyCard,
	type VCardVersion
} from './vcard-write';
