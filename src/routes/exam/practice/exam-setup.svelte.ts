// The start screen's choices: a full exam (length, timer, strict timer) or practice on one domain
// (which, how many). The page starts an exam from these with app/start-exam.ts.
import { domainQuestionCount, type ExamChoice } from '$lib/app/start-exam';
import { examMinutes } from '$lib/study/exam-engine';
import type { Mode } from './exam-runner.svelte';
import type { PracticeDomain, PracticeItem } from './practice-item';

/** Practice-by-domain lengths; 0 means every item of the domain. */
export const DOMAIN_LENGTHS = [10, 20, 0] as const;

export class ExamSetupForm implements ExamChoice {
	mode = $state<Mode>('full');
	length = $state(40);
	timed = $state(true);
	strict = $state(false);
	domain = $state('');
	domainLength = $state<number>(10);

	constructor(private readonly all: readonly PracticeItem[], domains: readonly PracticeDomain[]) {
		this.domain = domains[0]?.id ?? '';
	}

	/** Items of a domain, counting each case sub-item. */
	domainSize(id: string): number {
		return domainQuestionCount(this.all, id);
	}

	get plannedMinutes(): number {
		return examMinutes(this.length);
	}
}
