package io.github.leakprone.catalog;

/** What building a client per call does, besides what its policy asks. */
public enum PerCallHarm {
  /**
   * Each instance holds what the garbage collector cannot take back on its own: threads, a
   * connection pool, classes generated into Metaspace, or a place in a static registry. Built per
   * call, it leaks whatever the call: every per-call creation is a finding.
   */
  LEAK,
  /**
   * Each instance only costs CPU to build (and its caches, collected with it). Built once while
   * loading configuration, that is no problem; it is a finding only where the cost repeats per
   * request: in a loop or a request handler (see {@link RequestHandlers}).
   */
  COST
}
