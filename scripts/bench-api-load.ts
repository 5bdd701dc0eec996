/**
 * The load generator of bench:api in its own process, so that the API process's CPU time
 * (`process.cpuUsage()`) is the server's alone. Receives autocannon options over IPC, answers
 * with the result.
 */
import autocannon from 'autocannon';

process.once('message', (options: autocannon.Options) => {
  void autocannon(options).then((result) => {
    process.send!(result, () => process.exit(0));
  });
});
