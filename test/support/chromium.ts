import { accessSync, constants } from 'node:fs';

// Which Chromium the tests, the consumer matrix and the benches drive, so `npm test` works on a
// machine that has nothing but Node: CHROMIUM_PATH, then a system Chromium, then the one shipped
// inside the @sparticuz/chromium npm package (a registry package, so no browser download).

export interface ChromiumLaunch {
  /** Where the browser came from, for logs. */
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
  executablePath: string;
  args: string[];
}

const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
// --disable-background-networking: this machine's closed network refuses Chromium's own calls home.
const commonArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];

const isExecutable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

let found: Promise<ChromiumLaunch> | undefined;

/** The first Chromium that exists here; resolved once per process. */
export function findChromium(): Promise<ChromiumLaunch> {
  found ??= locate();
  return found;
}

async function locate(): Promise<ChromiumLaunch> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} is not an executable file; unset it or point it at a Chromium binary.`);
    return { source: 'CHROMIUM_PATH', executablePath: fromEnv, args: commonArgs };
  }
  const system = systemPaths.find(isExecutable);
  if (system) return { source: 'system', executablePath: system, args: commonArgs };
  try {
    const { default: packaged } = await import('@sparticuz/chromium');
    // Unpacks the browser into the temp folder on first use; later calls reuse it.
    const executablePath = await packaged.executablePath();
    return {
      source: '@sparticuz/chromium',
      executablePath,
      // Its own flag list also turns off web security and forces one process; keep only what it needs to start.
      args: [...commonArgs, '--no-zygote', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
    };
  } catch (error) {
    throw new Error(
      'No Chromium found: set CHROMIUM_PATH, install one (apt-get install chromium), or run `npm install` so the bundled @sparticuz/chromium is present.',
      { cause: error },
    );
  }
}
