// Every page is prerendered at build time; data that belongs to the learner comes from IndexedDB.
export const prerender = true;
