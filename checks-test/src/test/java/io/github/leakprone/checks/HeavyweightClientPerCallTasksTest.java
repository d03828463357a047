package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * A task that runs once where it is made (a thread's, a future task's, an executor's single run) is
 * part of the code that makes it; and clients a start method keeps in a collection field that an
 * end method releases live as long as their owner.
 */
final class HeavyweightClientPerCallTasksTest {

  private final CompilationTestHelper helper =
      CompilationTestHelper.newInstance(HeavyweightClientPerCall.class, getClass());

  /** Webbit's server: its start() builds the executors in a Callable it runs on a new thread. */
  @Test
  void executorsAStartMethodsTaskKeepsInAListItsStopShutsDownAreTheServers() {
    helper
        .addSourceLines(
            "Server.java",
            """
            import java.util.ArrayList;
            import java.util.List;
            import java.util.concurrent.Callable;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.FutureTask;

            class Server {
              private final List<ExecutorService> executors = new ArrayList<>();

              FutureTask<Server> start() {
                FutureTask<Server> future =
                    new FutureTask<>(
                        new Callable<Server>() {
                          @Override
                          public Server call() {
                            ExecutorService boss = Executors.newSingleThreadExecutor();
                            executors.add(boss);
                            return Server.this;
                          }
                        });
                new Thread(future).start();
                return future;
              }

              void open() {
                new Thread(() -> executors.add(Executors.newCachedThreadPool())).start();
              }

              void stop() {
                for (ExecutorService executor : executors) {
                  shutdownAndWait(executor);
                }
              }

              private void shutdownAndWait(ExecutorService executor) {
                executor.shutdown();
              }
            }
            """)
        .doTest();
  }

  @Test
  void aTasksClientIsStillBuiltPerCallOfTheCodeThatRunsIt() {
    helper
        .addSourceLines(
            "Server.java",
            """
            import java.util.ArrayList;
            import java.util.List;
            import java.util.concurrent.ExecutorService;
            import java.util.concurrent.Executors;
            import java.util.concurrent.ScheduledExecutorService;
            import java.util.concurrent.TimeUnit;

            class Server {
              private final List<ExecutorService> executors = new ArrayList<>();
              private final ExecutorService requests = Executors.newCachedThreadPool();
              private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);

              // Nothing shuts the list's executors down: each start() leaks one.
              void start() {
                new Thread(
                        // BUG: Diagnostic contains: ExecutorService built in start() and kept in executors
                        () -> executors.add(Executors.newSingleThreadExecutor()))
                    .start();
              }

              void handle(String request) {
                requests.submit(
                    () -> {
                      // BUG: Diagnostic contains: built on every call of handle() and never released
                      ExecutorService perRequest = Executors.newFixedThreadPool(2);
                      perRequest.submit(() -> request.length());
                    });
              }

              void poll() {
                timer.scheduleAtFixedRate(
                    () -> {
                      // BUG: Diagnostic contains: built on every call of a lambda in poll()
                      ExecutorService perTick = Executors.newFixedThreadPool(2);
                      perTick.submit(() -> 1);
                    },
                    1,
                    1,
                    TimeUnit.SECONDS);
              }
            }
            """)
        .doTest();
  }
}
