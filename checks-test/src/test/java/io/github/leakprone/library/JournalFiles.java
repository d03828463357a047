package io.github.leakprone.library;

import java.io.BufferedWriter;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/** A library's static helpers that open a journal file they are given, and one that opens none. */
public final class JournalFiles {

  public static InputStream openJournal(File journal) throws IOException {
    return new FileInputStream(journal);
  }

  public static Writer newJournalWriter(Path journal, Charset charset) throws IOException {
    return new BufferedWriter(Files.newBufferedWriter(journal, charset));
  }

  /** Reads the journal's text given, not a file. */
  public static Reader newJournalReader(String text) {
    return new StringReader(text);
  }

  private JournalFiles() {}
}
