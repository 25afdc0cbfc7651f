// The CLI's help text (`npm run lab -- help`), kept apart so the commands' modules load only when used.
import { MODEL_NAME } from '../lib/ml/train-model';

export const USAGE = `Usage: npm run lab -- <command> [options]

Commands:
  generate --rows N --seed S --out file.csv     write synthetic delinquency data
  train --data file.csv [--target col] [--C 1] [--solver newton|gd] [--class-weight none|balanced]
        [--test-size 0.2] [--seed S] [--cv K]   train and register a new version; prints JSON
  score --data in.csv --out out.csv [--version N|alias]
  predict --json '[{...}]' [--version N|alias]  online-style prediction; prints JSON
  pipeline --date YYYY-MM-DD [--version N|alias] [--error-threshold N]
                                                one daily job: raw/accounts_<date>.csv → curated/ → logs/batch_runs_log.csv
  simulate --start YYYY-MM-DD [--days 30] [--rows 2000] [--seed S] [--shift-day N|0] [--version N|alias]
           [--existing skip|score]              write drifting daily files to raw/ and run the pipeline on each
                                                (sudden shift on day 20 by default; none when --days is under 20);
                                                a date whose raw file exists is skipped (or, with score, scored
                                                as it is): an existing file is never replaced
  monitor [--version N|alias]                   data and prediction drift of every scored day (PSI, JS distance)
  retrain [--days 7] [--version N|alias]        train a challenger on the last N daily raw files, compare it with the
                                                champion (else --version) on its holdout, register it as challenger
  promote [--version N|challenger]              the version (default: the challenger) becomes champion
  versions                                      list registered versions
  rag-eval [--config config.json] [--dataset content|file.jsonl] [--mapping mapping.json] [--size 100] [--seed 1]
           [--gate] [--gates gates.json]        evaluate a RAG configuration over the notes; prints the metrics JSON.
                                                With --gate (default gates, or --gates) a failed gate exits non-zero

Common options: --root dir (default ./lab-data), --model name (default ${MODEL_NAME})`;
