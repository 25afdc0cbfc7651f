// The card browser's workflows bound to the page's database connection and the real clock, for
// pages and components (which never open the database themselves).
import { getDb } from '../db/browser-db';
import type { CardAction } from '../study/card-edits';
import { applyCardAction, undoCardAction, type CardActionResult } from './card-actions';
import { loadBrowserRecords, loadCardHistory, loadFlagCounts } from './card-browser-data';

export const loadCardBrowser = async () => loadBrowserRecords(await getDb());
export const openCardHistory = async (cardId: string) => loadCardHistory(await getDb(), cardId);
export const countFlaggedCards = async (contentCardIds: readonly string[]) => loadFlagCounts(await getDb(), contentCardIds);
export const actOnCards = async (action: CardAction, cardIds: readonly string[]) => applyCardAction(await getDb(), action, cardIds, new Date());
export const undoOnCards = async (result: CardActionResult) => undoCardAction(await getDb(), result);
