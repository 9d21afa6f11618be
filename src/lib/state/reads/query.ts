// What a read model is: a plain function over the repositories, so it runs in Node tests on a
// database of their own and, through `live`, in pages that follow the app's database.
import type { Repos } from '$lib/db';

/** A read over the app's repositories; pages describe what they need without opening anything. */
export type Query<T> = (repos: Repos) => Promise<T>;
