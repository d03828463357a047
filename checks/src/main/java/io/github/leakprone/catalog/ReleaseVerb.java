package io.github.leakprone.catalog;

import com.google.errorprone.VisitorState;
import com.sun.tools.javac.code.Type;

/**
 * What releasing a resource is called, in a finding's words and in the call a fix writes: {@code
 * close()}, or {@code end()} for a zlib codec ({@link ZlibCodecs}), whose {@code close()} only JDK
 * 25 has.
 */
public enum ReleaseVerb {
  CLOSE("close", "closes", "closed", "closing"),
  END("end", "ends", "ended", "ending");

  private final String base;
  private final String third;
  private final String past;
  private final String gerund;

  ReleaseVerb(String base, String third, String past, String gerund) {
    this.base = base;
    this.third = third;
    this.past = past;
    this.gerund = gerund;
  }

  /** How a resource of {@code type} is released; {@link #CLOSE} for a type not known. */
  public static ReleaseVerb of(Type type, VisitorState state) {
    return ZlibCodecs.isCodec(type, state) ? END : CLOSE;
  }

  /** "close": the method that releases, and the verb of advice. */
  public String base() {
    return base;
  }

  /** "closes". */
  public String third() {
    return third;
  }

  /** "closed". */
  public String past() {
    return past;
  }

  /** "closing". */
  public String gerund() {
    return gerund;
  }
}
