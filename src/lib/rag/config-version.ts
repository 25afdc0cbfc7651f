// A saved RAG configuration: a named, versioned asset (PromptOps), as the model registry keeps model
// versions. A version never changes once saved; only its aliases move (`production`).
import type { RagConfig } from './types';

/** The alias the monitoring re-runs and the CLI's `--config <name>@production` would pick. */
export const PRODUCTION_ALIAS = 'production';

/** Names of saved configurations: a letter, then letters, digits, "-" or "_" (at most 40). */
export const RAG_CONFIG_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

export interface StoredRagConfig {
	name: string;
	version: number;
	config: RagConfig;
	description: string;
	createdAt: Date;
	/** Aliases pointing at this version (at most one version of a name holds each alias). */
	aliases: string[];
}
