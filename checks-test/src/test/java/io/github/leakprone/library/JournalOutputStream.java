package io.github.leakprone.library;

import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream that appends to a journal file it opens itself, or decorates a stream it is given: what
 * milton's {@code RandomFileOutputStream(File)} or JavaMail's {@code SharedFileInputStream(File)}
 * are to the code that uses them.
 */
public final class JournalOutputStream extends OutputStream {

  private final OutputStream out;

  public JournalOutputStream(File journal) throws IOException {
    this(new FileOutputStream(journal, true));
  }

  public JournalOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
