package io.github.leakprone.analysis.growth;

import com.sun.tools.javac.code.Symbol;
import java.util.Objects;

/**
 * A piece of code that runs as a whole: a method or constructor, a class's static or instance
 * initialisation (its initializer blocks and field initializers together), or a lambda held by a
 * field (which runs whenever the field's function is called, not when the field is initialised).
 */
record Node(Symbol symbol, Kind kind) {

  // equals and hashCode written out: a record's own are linked through method handles on first
  // use, a cost every build pays again, in code that runs cold (docs/performance.md).
  @Override
  public boolean equals(Object other) {
    return other instanceof Node that && Objects.equals(symbol, that.symbol) && kind == that.kind;
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hashCode(symbol) + Objects.hashCode(kind);
  }

  enum Kind {
    METHOD,
    STATIC_INIT,
    INSTANCE_INIT,
    FIELD_LAMBDA
  }
}
