import { BOOKS } from '../../libs/store/src/seed-data.js';

/** The demo catalog as the bot prints it, to check that named books exist. */
export const BOOKS_FOR_TESTS = BOOKS.map((b) => ({ ...b, price: Number(b.price).toFixed(2) }));
