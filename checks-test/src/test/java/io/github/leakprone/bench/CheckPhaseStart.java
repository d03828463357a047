package io.github.leakprone.bench;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.lang.management.ThreadMXBean;
import javax.tools.JavaCompiler;

/**
 * When the phase of the compile in which Error Prone runs its checks starts: the first ANALYZE
 * event to finish. Under {@code -XDcompilePolicy=simple}, which Error Prone requires, javac parses
 * and attributes every class first (each ANALYZE event starts with a class's attribution), then
 * runs flow analysis class by class, ending each class's ANALYZE event, which is when Error Prone
 * scans it; code generation follows. So everything before the first ANALYZE event ends is the same
 * work with LeakProne's checks as without them, and only the part after it can be longer: measuring
 * that part alone leaves out the noise of the part the checks cannot touch (about two thirds of the
 * compile on the benchmark's corpus).
 *
 * <p>This listener is added before the compile starts, so javac calls it before Error Prone's own
 * listener, which the plugin adds as the compile starts: the first class's scan falls after it.
 */
final class CheckPhaseStart implements TaskListener {

  private final ThreadMXBean threads;
  private long wallNanos = -1;
  private long javacCpuNanos = -1;

  private CheckPhaseStart(ThreadMXBean threads) {
    this.threads = threads;
  }

  /** Watches {@code task}, which must be a javac task yet to run. */
  static CheckPhaseStart watch(JavaCompiler.CompilationTask task, ThreadMXBean threads) {
    CheckPhaseStart start = new CheckPhaseStart(threads);
    ((JavacTask) task).addTaskListener(start);
    return start;
  }

  @Override
  public void finished(TaskEvent event) {
    // Events come on the compiling thread, so its CPU time is that thread's.
    if (event.getKind() == TaskEvent.Kind.ANALYZE && wallNanos < 0) {
      wallNanos = System.nanoTime();
      javacCpuNanos = threads.getCurrentThreadCpuTime();
    }
  }

  /** Wall time from the phase's start to {@code endNanos} (a {@link System#nanoTime}). */
  long wallNanosUntil(long endNanos) {
    return endNanos - checkedStart(wallNanos);
  }

  /** The compiling thread's CPU time from the phase's start to {@code endCpuNanos}. */
  long javacCpuNanosUntil(long endCpuNanos) {
    return endCpuNanos - checkedStart(javacCpuNanos);
  }

  private static long checkedStart(long start) {
    if (start < 0) {
      throw new IllegalStateException("the compile never finished javac's analysis of a class");
    }
    return start;
  }
}
