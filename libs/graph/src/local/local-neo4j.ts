import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { delimiter, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

/**
 * A real Neo4j 5.26 Community server for development and tests, without Docker: the embedded DBMS
 * run by graph/src/main/java/org/cartographer/graph/Neo4jLauncher.java in a child JVM, serving Bolt
 * on 127.0.0.1 with authentication. Maven fetches the jars into ~/.m2 on first use.
 */

/** A running local Neo4j. */
export interface LocalNeo4j {
  /** bolt://127.0.0.1:PORT */
  uri: string;
  user: string;
  password: string;
  port: number;
  homeDir: string;
  /** The JVM's process id. */
  pid: number;
  /** Stops the server: SIGTERM, then SIGKILL after 30 s. Idempotent; resolves once the JVM is gone. */
  stop(): Promise<void>;
}

export interface EnsureNeo4jInstalledOptions {
  log?: (line: string) => void;
  /** The repository root (the folder holding graph/pom.xml); found from the working directory if unset. */
  rootDir?: string;
}

export interface StartLocalNeo4jOptions extends EnsureNeo4jInstalledOptions {
  /** Data, logs and transaction logs go here; reusing it keeps the data across restarts. */
  homeDir: string;
  /** Bolt port on 127.0.0.1; 0 or unset picks a free one. */
  port?: number;
  /** Password of the `neo4j` user, set at every start (Neo4j requires at least 8 characters). */
  password: string;
  /** JVM maximum heap, e.g. '512m' (the default) or '1g'. */
  heap?: string;
  /**
   * JVM initial heap; 128m by default (a modest idle footprint). Neo4j's own advice for a loaded
   * server is the maximum heap, so the heap never grows under load.
   */
  initialHeap?: string;
  /** Neo4j page cache size, e.g. '256m' (the default). */
  pagecache?: string;
  /** Time allowed until the server accepts Bolt connections; 120 s by default. */
  startTimeoutMs?: number;
}

const NEO4J_USER = 'neo4j';
const LAUNCHER_CLASS = 'org.cartographer.graph.Neo4jLauncher';
const LAUNCHER_SOURCE = 'graph/src/main/java/org/cartographer/graph/Neo4jLauncher.java';
/** Read by the launcher when no --password is given: keeps the password out of `ps` output. */
const PASSWORD_ENV = 'CARTOGRAPHER_NEO4J_PASSWORD';
const READY_PREFIX = 'NEO4J_READY ';
const FAILED_PREFIX = 'NEO4J_FAILED ';
const DEFAULT_HEAP = '512m';
const DEFAULT_PAGECACHE = '256m';
const DEFAULT_START_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 30_000;
const MAVEN_TIMEOUT_MS = 20 * 60_000;
const BUILD_LOCK_STALE_MS = MAVEN_TIMEOUT_MS + 60_000;
const STDERR_TAIL_LINES = 30;
/** Retries with another free port when the one picked was taken before the JVM could bind it. */
const PORT_ATTEMPTS = 3;
const MiB = 1024 * 1024;

/** Builds under way in this process, by repository root. */
const builds = new Map<string, Promise<void>>();

/**
 * JVM options for Neo4j 5 on Java 17, as in the server's own neo4j.conf. Without the --add-opens
 * the page cache falls back to slower buffer handling and the transaction-log native calls
 * (fadvise on file descriptors) fail with warnings.
 */
const JVM_FLAGS: readonly string[] = [
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  // As Neo4j's neo4j.conf: lets the JIT treat final fields as constants; no System.gc() pauses.
  '-XX:+UnlockExperimentalVMOptions',
  '-XX:+TrustFinalNonStaticFields',
  '-XX:+DisableExplicitGC',
  // A JVM out of memory must die (and be reported) rather than linger half-working.
  '-XX:+ExitOnOutOfMemoryError',
  // The JVM's own warnings go to stderr: stdout carries only the launcher's ready line.
  '-Xlog:disable',
  '-Xlog:all=warning:stderr',
];

/**
 * Builds the launcher and resolves the Neo4j jars (downloading them into ~/.m2 the first time),
 * unless graph/target is already up to date with graph/pom.xml and the launcher sources.
 */
export async function ensureNeo4jInstalled(opts: EnsureNeo4jInstalledOptions = {}): Promise<void> {
  const root = findRepoRoot(opts.rootDir);
  const log = opts.log ?? (() => undefined);
  // One build per root at a time within this process; other processes are held off by a lock.
  let pending = builds.get(root);
  if (!pending) {
    pending = buildIfStale(root, log).finally(() => builds.delete(root));
    builds.set(root, pending);
  }
  return pending;
}

/** Starts Neo4j in a child JVM and resolves once it accepts authenticated Bolt connections. */
export async function startLocalNeo4j(opts: StartLocalNeo4jOptions): Promise<LocalNeo4j> {
  if (!opts.homeDir) throw new Error('startLocalNeo4j: homeDir is required');
  if (!opts.password) throw new Error('startLocalNeo4j: password is required');
  const heap = opts.heap ?? DEFAULT_HEAP;
  const heapBytes = parseJvmSize(heap);
  if (heapBytes === undefined) throw new Error(`startLocalNeo4j: invalid heap size '${heap}' (e.g. 512m, 1g)`);
  const initialBytes = opts.initialHeap === undefined ? 0 : parseJvmSize(opts.initialHeap);
  if (initialBytes === undefined || initialBytes > heapBytes)
    throw new Error(`startLocalNeo4j: invalid initial heap '${opts.initialHeap}' (at most the heap, e.g. 512m)`);
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`startLocalNeo4j: invalid port ${port}`);

  const root = findRepoRoot(opts.rootDir);
  const log = opts.log ?? (() => undefined);
  await ensureNeo4jInstalled({ rootDir: root, log });
  const classpath = await launcherClasspath(root);

  const launch: LaunchSpec = {
    classpath,
    homeDir: resolve(opts.homeDir),
    password: opts.password,
    heap,
    // A small initial heap keeps the idle footprint modest; set explicitly, as Neo4j warns otherwise.
    initialHeap: opts.initialHeap ?? (heapBytes <= 128 * MiB ? heap : '128m'),
    pagecache: opts.pagecache ?? DEFAULT_PAGECACHE,
    startTimeoutMs: opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS,
    log,
    port: 0,
  };
  await mkdir(launch.homeDir, { recursive: true });

  for (let attempt = 1; ; attempt++) {
    const chosenPort = port > 0 ? port : await findFreePort();
    try {
      return await launchJvm({ ...launch, port: chosenPort });
    } catch (error) {
      const retry = port === 0 && attempt < PORT_ATTEMPTS && error instanceof PortInUseError;
      if (!retry) throw error;
      log(`[neo4j] port ${chosenPort} was taken meanwhile, trying another`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Build

interface BuildPaths {
  pom: string;
  sources: string;
  target: string;
  launcherClass: string;
  classpathFile: string;
  stamp: string;
  lock: string;
}

function buildPaths(root: string): BuildPaths {
  const graph = join(root, 'graph');
  const target = join(graph, 'target');
  return {
    pom: join(graph, 'pom.xml'),
    sources: join(graph, 'src'),
    target,
    launcherClass: join(target, 'classes', ...LAUNCHER_CLASS.split('.')) + '.class',
    classpathFile: join(target, 'classpath.txt'),
    // Written after a successful build; newer than every input means nothing to do.
    stamp: join(target, '.cartographer-build-stamp'),
    lock: join(target, '.cartographer-build-lock'),
  };
}

/** Walks up from `start` (or the working directory) to the folder holding graph/pom.xml. */
function findRepoRoot(start?: string): string {
  if (start) {
    const root = resolve(start);
    if (!existsSync(join(root, 'graph', 'pom.xml'))) throw new Error(`no graph/pom.xml under rootDir ${root}`);
    return root;
  }
  for (let dir = process.cwd(); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'graph', 'pom.xml')) && existsSync(join(dir, LAUNCHER_SOURCE))) return dir;
    if (dirname(dir) === dir) break;
  }
  throw new Error(`cannot find graph/pom.xml in ${process.cwd()} or any parent folder: pass rootDir`);
}

async function buildIfStale(root: string, log: (line: string) => void): Promise<void> {
  const paths = buildPaths(root);
  if (await isBuildCurrent(paths)) return;
  await mkdir(paths.target, { recursive: true });
  await withBuildLock(paths, log, async () => {
    // Another process may have built while we waited for the lock.
    if (await isBuildCurrent(paths)) return;
    log('[neo4j] building graph/ with Maven (the first run downloads the Neo4j jars into ~/.m2)');
    const started = Date.now();
    await runMaven(root, paths.pom, log);
    if (!existsSync(paths.launcherClass) || !existsSync(paths.classpathFile)) {
      throw new Error(`Maven succeeded but ${paths.launcherClass} or ${paths.classpathFile} is missing`);
    }
    await writeFile(paths.stamp, `${new Date().toISOString()}\n`);
    log(`[neo4j] Maven build done in ${Date.now() - started} ms`);
  });
}

async function isBuildCurrent(paths: BuildPaths): Promise<boolean> {
  const stampTime = await mtimeOf(paths.stamp);
  if (stampTime === undefined) return false;
  if ((await mtimeOf(paths.launcherClass)) === undefined) return false;
  const inputs = [paths.pom, ...(await listFiles(paths.sources))];
  for (const input of inputs) {
    const time = await mtimeOf(input);
    if (time === undefined || time > stampTime) return false;
  }
  // A cleaned ~/.m2 leaves the classpath file pointing at nothing.
  let classpath: string;
  try {
    classpath = await readFile(paths.classpathFile, 'utf8');
  } catch {
    return false;
  }
  const jars = classpath.trim().split(delimiter).filter(Boolean);
  if (jars.length === 0) return false;
  for (const jar of jars) if (!existsSync(jar)) return false;
  return true;
}

/** Serialises Maven runs across processes (parallel test workers, a server and a CLI). */
async function withBuildLock(paths: BuildPaths, log: (line: string) => void, work: () => Promise<void>) {
  const deadline = Date.now() + BUILD_LOCK_STALE_MS;
  const ownerFile = join(paths.lock, 'pid');
  let announced = false;
  for (;;) {
    try {
      // mkdir is atomic: exactly one process creates the lock.
      await mkdir(paths.lock);
      await writeFile(ownerFile, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (await isLockAbandoned(paths.lock, ownerFile)) {
        await rm(paths.lock, { recursive: true, force: true });
        continue;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for the build lock ${paths.lock}`, { cause: error });
      }
      if (!announced) log('[neo4j] waiting for another process building graph/');
      announced = true;
      await sleep(500);
    }
  }
  try {
    await work();
  } finally {
    await rm(paths.lock, { recursive: true, force: true });
  }
}

/** True when the lock's owner process is gone (killed mid-build) or the lock is very old. */
async function isLockAbandoned(lock: string, ownerFile: string): Promise<boolean> {
  const lockTime = await mtimeOf(lock);
  if (lockTime === undefined) return false; // Released meanwhile: just retry.
  const age = Date.now() - lockTime;
  if (age > BUILD_LOCK_STALE_MS) return true;
  const owner = Number(await readFile(ownerFile, 'utf8').catch(() => ''));
  // The owner writes its pid right after creating the lock; none after a while means it died then.
  if (!owner) return age > 60_000;
  return probeProcess(owner) === 'ESRCH';
}

function probeProcess(pid: number): string | undefined {
  try {
    process.kill(pid, 0);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

function runMaven(root: string, pom: string, log: (line: string) => void): Promise<void> {
  const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
  // `package` also writes target/classpath.txt (dependency:build-classpath bound in the pom).
  const args = ['-q', '-B', '-Dstyle.color=never', '-f', pom, 'package'];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(mvn, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const onLine = (line: string) => {
      const clean = stripAnsi(line).trimEnd();
      if (!clean) return;
      pushTail(tail, clean);
      log(`[mvn] ${clean}`);
    };
    createInterface({ input: child.stdout }).on('line', onLine);
    createInterface({ input: child.stderr }).on('line', onLine);
    const timer = setTimeout(() => child.kill('SIGKILL'), MAVEN_TIMEOUT_MS);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error.code === 'ENOENT'
          ? new Error('Maven (mvn) is not on PATH: it is needed once to fetch the Neo4j jars into ~/.m2', {
              cause: error,
            })
          : error,
      );
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolvePromise();
      const how = signal ? `killed by ${signal}` : `exit code ${code}`;
      reject(new Error(`mvn ${args.join(' ')} failed (${how})${formatTail(tail)}`));
    });
  });
}

async function launcherClasspath(root: string): Promise<string> {
  const paths = buildPaths(root);
  const jars = (await readFile(paths.classpathFile, 'utf8')).trim();
  return [join(paths.target, 'classes'), jars].join(delimiter);
}

// ---------------------------------------------------------------------------------------------
// Process

interface LaunchSpec {
  classpath: string;
  homeDir: string;
  port: number;
  password: string;
  heap: string;
  initialHeap: string;
  pagecache: string;
  startTimeoutMs: number;
  log: (line: string) => void;
}

class PortInUseError extends Error {}

function javaExecutable(): string {
  const javaHome = process.env.JAVA_HOME;
  const exe = process.platform === 'win32' ? 'java.exe' : 'java';
  return javaHome ? join(javaHome, 'bin', exe) : exe;
}

function launchJvm(spec: LaunchSpec): Promise<LocalNeo4j> {
  const { log } = spec;
  const args = [
    `-Xmx${spec.heap}`,
    `-Xms${spec.initialHeap}`,
    ...JVM_FLAGS,
    '-cp',
    spec.classpath,
    LAUNCHER_CLASS,
    '--home',
    spec.homeDir,
    '--port',
    String(spec.port),
    '--pagecache',
    spec.pagecache,
  ];
  const started = Date.now();
  // stdin stays an open pipe that is never written: its EOF tells the JVM this process is gone.
  const child = spawn(javaExecutable(), args, {
    cwd: spec.homeDir,
    env: { ...process.env, [PASSWORD_ENV]: spec.password },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  child.stdin?.on('error', () => undefined); // EPIPE once the JVM has exited: nothing to do.

  const tail: string[] = [];
  let failure: string | undefined;
  let ready = false;
  let stopping: Promise<void> | undefined;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit({ code, signal }));
  });

  // Node exiting normally (or process.exit) stops the JVM; a crash or kill -9 of Node closes
  // the stdin pipe instead, which the launcher also treats as a stop request.
  const stopOnExit = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.on('exit', stopOnExit);
  void exited.then(({ code, signal }) => {
    process.off('exit', stopOnExit);
    if (ready && !stopping) log(`[neo4j] pid ${child.pid} exited unexpectedly (${describeExit(code, signal)})`);
  });

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const started = Date.now();
      child.kill('SIGTERM');
      const killer = setTimeout(() => {
        log(`[neo4j] pid ${child.pid} still running ${STOP_GRACE_MS / 1000} s after SIGTERM: SIGKILL`);
        child.kill('SIGKILL');
      }, STOP_GRACE_MS);
      const { code, signal } = await exited;
      clearTimeout(killer);
      log(`[neo4j] stopped in ${Date.now() - started} ms (${describeExit(code, signal)})`);
    })();
    return stopping;
  };

  return new Promise<LocalNeo4j>((resolveStart, rejectStart) => {
    let settled = false;
    const settle = (error: Error | undefined, value?: LocalNeo4j) => {
      if (settled) return;
      settled = true;
      clearTimeout(startTimer);
      if (error) rejectStart(error);
      else resolveStart(value as LocalNeo4j);
    };
    let startError: Error | undefined;
    const fail = (reason: string) => {
      // The first cause wins: the exit that follows a timeout's SIGKILL is not the reason.
      if (settled || startError) return;
      const why = failure ?? reason;
      const error = (startError = /address already in use/i.test(why)
        ? new PortInUseError(`Neo4j could not bind 127.0.0.1:${spec.port}: ${why}`)
        : new Error(`local Neo4j failed to start: ${why}${formatTail(tail)}`));
      if (child.exitCode !== null || child.signalCode !== null) return settle(error);
      // Never leave a half-started JVM behind a rejected start.
      child.kill('SIGKILL');
      void exited.then(() => settle(error));
    };

    const startTimer = setTimeout(
      () => fail(`not ready after ${spec.startTimeoutMs} ms (home ${spec.homeDir})`),
      spec.startTimeoutMs,
    );

    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (!ready && line.startsWith(READY_PREFIX)) {
        ready = true;
        const uri = line.slice(READY_PREFIX.length).trim();
        log(`[neo4j] ready at ${uri} in ${Date.now() - started} ms (pid ${child.pid}, home ${spec.homeDir})`);
        settle(undefined, {
          uri,
          user: NEO4J_USER,
          password: spec.password,
          port: spec.port,
          homeDir: spec.homeDir,
          pid: child.pid!,
          stop,
        });
        return;
      }
      log(`[neo4j] ${line}`);
    });
    createInterface({ input: child.stderr! }).on('line', (line) => {
      if (line.startsWith(FAILED_PREFIX)) failure ??= line.slice(FAILED_PREFIX.length);
      else pushTail(tail, line); // The failure line is the error message itself.
      log(`[neo4j] ${line}`);
    });

    child.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') {
        // No 'exit' event follows a failed spawn.
        process.off('exit', stopOnExit);
        settle(
          new Error(`cannot run ${javaExecutable()}: Java 17+ is needed for the local Neo4j (set JAVA_HOME)`, {
            cause: error,
          }),
        );
      } else if (!ready) {
        fail(error.message);
      }
    });
    void exited.then(({ code, signal }) => {
      if (!ready) fail(failure ?? `the JVM exited before it was ready (${describeExit(code, signal)})`);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

function findFreePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolvePort(port) : reject(new Error('could not pick a free port'))));
    });
  });
}

/** Bytes in a JVM size such as 512m, 1g, 65536k or 1048576; undefined when malformed. */
function parseJvmSize(size: string): number | undefined {
  const match = /^(\d+)([kmg]?)$/i.exec(size.trim());
  if (!match) return undefined;
  const unit = { '': 1, k: 1024, m: MiB, g: 1024 * MiB }[match[2]!.toLowerCase() as '' | 'k' | 'm' | 'g'];
  const bytes = Number(match[1]) * unit;
  return bytes > 0 ? bytes : undefined;
}

async function mtimeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mtimeMs;
  } catch {
    return undefined;
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `exit code ${code}`;
}

function pushTail(tail: string[], line: string): void {
  tail.push(line);
  if (tail.length > STDERR_TAIL_LINES) tail.shift();
}

function formatTail(tail: string[]): string {
  return tail.length ? `\nlast output lines:\n  ${tail.join('\n  ')}` : '';
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*[A-Za-z]/g, '');
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolveSleep) => setTimeout(resolveSleep, ms));
}
