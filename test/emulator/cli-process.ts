import { runBin } from '../support/cli-process';

export { waitForOutput } from '../support/cli-process';

/** The `runlens-emulator` bin as a child process. */
export const runCli = (args: string[]) => runBin('runlens-emulator', args);
