// The bare contact page (bare-contact.html): a link that, when clicked, reads one contact's
// touchpoints with one query on the [contactId+on] index of an open connection and renders them,
// newest first, as a plain list of text. No framework, no other read.
const STORE = 'interactions';
/** @type {IDBDatabase | undefined} */
let db;

function open(name) {
	return new Promise((resolve, reject) => {
		const req = indexedDB.open(name, 1);
		req.onupgradeneeded = () => {
			const store = req.result.createObjectStore(STORE, { keyPath: 'id' });
			store.createIndex('[contactId+on]', ['contactId', 'on']);
		};
		req.onsuccess = () => resolve(req.result);
		req.onerror = () => reject(req.error);
	});
}

function read(contactId) {
	return new Promise((resolve, reject) => {
		const req = db
			.transaction(STORE)
			.objectStore(STORE)
			.index('[contactId+on]')
			.getAll(IDBKeyRange.bound([contactId], [contactId, []]));
		req.onsuccess = () => resolve(req.result.reverse());
		req.onerror = () => reject(req.error);
	});
}

function home(contactId, name) {
	const view = document.getElementById('view');
	const a = document.createElement('a');
	a.href = `#${contactId}`;
	a.textContent = name;
	a.addEventListener('click', async (e) => {
		e.preventDefault();
		const rows = await read(contactId);
		const h1 = document.createElement('h1');
		h1.textContent = name;
		const h2 = document.createElement('h2');
		h2.textContent = 'Timeline';
		const ol = document.createElement('ol');
		for (const t of rows) {
			const li = document.createElement('li');
			const parts = [t.on, t.channel, t.summary, ...t.received];
			if (t.gave) parts.push(`You gave: ${t.gave}`);
			li.textContent = parts.join(' · ');
			ol.append(li);
		}
		view.replaceChildren(h1, h2, ol);
	});
	view.replaceChildren(a);
}

window.kithBareContact = {
	/** Opens (creating) the database and stores the rows. */
	async seed(name, rows) {
		db = await open(name);
		const tx = db.transaction(STORE, 'readwrite');
		for (const row of rows) tx.objectStore(STORE).put(row);
		await new Promise((resolve, reject) => {
			tx.oncomplete = resolve;
			tx.onerror = () => reject(tx.error);
		});
	},
	/** Shows the link to the contact, as Today does before the tap. */
	home,
	async remove() {
		db?.close();
		await new Promise((resolve) => {
			const req = indexedDB.deleteDatabase(db?.name ?? '');
			req.onsuccess = req.onerror = resolve;
		});
	}
};
