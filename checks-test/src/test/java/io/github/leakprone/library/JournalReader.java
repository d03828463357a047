package io.github.leakprone.library;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;

/** A reader of a journal file it opens itself, given the file's path. */
public final class JournalReader extends Reader {

  private final Reader in;

  public JournalReader(Path journal) throws IOException {
    in = Files.newBufferedReader(journal);
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    return in.read(buffer, offset, length);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
