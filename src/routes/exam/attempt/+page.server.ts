// The review of a past attempt shows the same items as the practice exam, answers and explanations included.
export { load } from '../practice/+page.server';
