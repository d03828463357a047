package io.github.leakprone.library;

import java.io.IOException;
import java.io.InputStream;

/**
 * Drains a stream it is given into bytes and closes it: what ez-vcard's {@code Gobble} is to the
 * code that hands it a stream. Not itself closeable: the stream is its to close once read.
 */
public final class StreamDrain {

  private final InputStream in;

  public StreamDrain(InputStream in) {
    this.in = in;
  }

  public byte[] bytes() throws IOException {
    try (InputStream drained = in) {
      return drained.readAllBytes();
    }
  }
}
