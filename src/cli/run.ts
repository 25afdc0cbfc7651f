import { describeError, main } from './main';

main(process.argv.slice(2)).catch((e: unknown) => {
	process.stderr.write(`prep-lab: ${describeError(e)}\n`);
	process.exit(1);
});
