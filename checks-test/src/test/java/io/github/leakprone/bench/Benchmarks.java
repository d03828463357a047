package io.github.leakprone.bench;

import java.io.IOException;

/**
 * Both benchmarks, one after the other, so that one command prints every figure in
 * docs/performance.md: what LeakProne's checks cost a real build ({@link BuildCostBenchmark}), then
 * how the obligation analysis grows with a method's size ({@link ObligationScalingBenchmark}),
 * which also redraws docs/obligation-scaling.svg. Not a test: it prints figures.
 *
 * <p>Run: {@code ./mvnw -B -q install -DskipTests -pl checks -am && ./mvnw -B -q -Pbenchmark -pl
 * checks-test test-compile exec:java@benchmarks}
 */
public final class Benchmarks {

  public static void main(String[] args) throws IOException, InterruptedException {
    System.out.println("== What LeakProne's checks cost a build of real code");
    BuildCostBenchmark.main(args);
    System.out.println();
    System.out.println("== How the obligation analysis grows with method size");
    ObligationScalingBenchmark.main(args);
  }

  private Benchmarks() {}
}
