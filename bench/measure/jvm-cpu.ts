import { readFileSync, readdirSync } from 'node:fs';

/** A reading of a JVM's CPU seconds: the whole process, and each JIT compiler thread by id. */
export interface JvmCpuReading {
  total: number;
  jitCompilerThreads: Map<string, number>;
}

/** What the JVM spent between two readings, in all and in JIT compilation. */
export interface JvmCpu {
  total: number;
  jitCompiler: number;
}

/** Linux's clock ticks per second for /proc's CPU times (USER_HZ, 100 on every mainstream kernel). */
const TICKS_PER_SECOND = 100;

function readStat(file: string): { name: string; seconds: number } {
  const stat = readFileSync(file, 'utf8');
  // The name sits in parentheses and may itself contain spaces.
  const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { name, seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
}

/**
 * Reads a JVM's CPU from /proc. HotSpot's "C1 CompilerThread" and "C2 CompilerThread" do the
 * JIT: a benchmark whose timed part still spends much of the JVM's CPU compiling measures
 * warm-up, not the steady state. Undefined where /proc is missing.
 */
export function readJvmCpu(pid: number | undefined): JvmCpuReading | undefined {
  if (pid === undefined) return undefined;
  try {
    const reading: JvmCpuReading = { total: readStat(`/proc/${pid}/stat`).seconds, jitCompilerThreads: new Map() };
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      try {
        const thread = readStat(`/proc/${pid}/task/${task}/stat`);
        if (/^C\d CompilerThre/.test(thread.name)) reading.jitCompilerThreads.set(task, thread.seconds);
      } catch {
        // the thread ended between listing and reading
      }
    }
    return reading;
  } catch {
    return undefined;
  }
}

/**
 * The CPU between two readings. The process total counts ended threads too; the JIT share
 * counts the compiler threads alive at the second reading, so it is a lower bound (HotSpot
 * stops idle compiler threads).
 */
export function jvmCpuBetween(before: JvmCpuReading | undefined, after: JvmCpuReading | undefined): JvmCpu | undefined {
  if (!before || !after) return undefined;
  let jitCompiler = 0;
  for (const [thread, seconds] of after.jitCompilerThreads) {
    jitCompiler += seconds - (before.jitCompilerThreads.get(thread) ?? 0);
  }
  return { total: after.total - before.total, jitCompiler };
}
