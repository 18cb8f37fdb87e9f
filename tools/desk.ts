/** The organizers' desk: `npm run desk -- --help`. Everything is in tools/desk/. */
import { runDesk } from './desk/cli.ts';

// A reader that stops early (`| head`) closes the pipe: nothing left to say.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

process.exitCode = await runDesk(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
});
