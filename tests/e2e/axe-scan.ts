import axe from 'axe-core';
import type { Page } from '@playwright/test';

// Runs axe-core inside the page. @axe-core/playwright's analyze() opens a fresh page for every
// scan to merge the results of frames, which cost about four seconds a scan on two cores; Prep Lab
// has no iframes, so one document-level run in the page checks the same nodes against the same
// rules. The script is injected once per document and reused for every scan of that document.

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The rules whose outcome depends on colours only: what changes between the light and dark theme. */
export const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

export type Violation = axe.Result;

export async function axeViolations(page: Page, only: { tags: string[] } | { rules: string[] }): Promise<Violation[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
	const runOnly = 'tags' in only ? { type: 'tag' as const, values: only.tags } : { type: 'rule' as const, values: only.rules };
	return page.evaluate((options) => (window as unknown as { axe: typeof axe }).axe.run(document, options).then((r) => r.violations), { runOnly, resultTypes: ['violations'] as axe.resultGroups[] });
}

/** Serious and critical violations, one line per rule with the nodes it failed on. */
export function seriousOf(violations: Violation[], label: string): string[] {
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `[${label}] [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')} ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`).join('\n')}`);
}
