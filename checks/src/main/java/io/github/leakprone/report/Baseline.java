package io.github.leakprone.report;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baseline file: known findings, one {@link BaselineEntry} a line, sorted by file, class and
 * member so that a change to it reads well in a code review. Lines starting with {@code #} and
 * blank lines are comments.
 */
final class Baseline {

  static final ImmutableList<String> HEADER =
      ImmutableList.of(
          "# LeakProne baseline: findings known when this file was written. A compilation with",
          "# -XepOpt:LeakProne:Baseline=<this file> does not report them, and reports every other"
              + " one.",
          "# One line per finding: " + BaselineEntry.FORMAT,
          "# Written by -XepOpt:LeakProne:BaselineMode=write. A line that no longer matches a"
              + " finding",
          "# is reported as stale: delete it (or rewrite the file) so that the baseline only"
              + " shrinks.");

  private final Path file;

  /** Each entry and the line it is on (0 for a file that does not exist yet). */
  private final ImmutableMap<BaselineEntry, Integer> lines;

  private Baseline(Path file, ImmutableMap<BaselineEntry, Integer> lines) {
    this.file = file;
    this.lines = lines;
  }

  Path file() {
    return file;
  }

  boolean contains(BaselineEntry entry) {
    return lines.containsKey(entry);
  }

  ImmutableMap<BaselineEntry, Integer> lines() {
    return lines;
  }

  /**
   * Reads {@code file}. A missing file is an empty baseline only when {@code mayBeMissing} (it is
   * about to be written); otherwise it, an unreadable file and a malformed line throw {@link
   * IllegalArgumentException} with a message that names the flag, the file and the line.
   */
  static Baseline read(Path file, boolean mayBeMissing) {
    List<String> text;
    try {
      text = Files.readAllLines(file, UTF_8);
    } catch (NoSuchFileException e) {
      if (mayBeMissing) {
        return new Baseline(file, ImmutableMap.of());
      }
      throw problem(
          file
              + " does not exist; write it with "
              + ReportFlags.PREFIX
              + ReportFlags.BASELINE_MODE
              + "=write");
    } catch (CharacterCodingException e) {
      throw problem(file + " is not UTF-8 text");
    } catch (IOException e) {
      throw problem("cannot read " + file + ": " + reason(e, file));
    }
    Map<BaselineEntry, Integer> entries = new LinkedHashMap<>();
    for (int i = 0; i < text.size(); i++) {
      String line = text.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int number = i + 1;
      BaselineEntry entry;
      try {
        entry = BaselineEntry.parse(line);
      } catch (IllegalArgumentException e) {
        throw problem(file + ":" + number + ": " + e.getMessage());
      }
      Integer earlier = entries.putIfAbsent(entry, number);
      if (earlier != null) {
        throw problem(file + ":" + number + ": repeats line " + earlier);
      }
    }
    return new Baseline(file, ImmutableMap.copyOf(entries));
  }

  /** The file's text holding {@code entries}, sorted, under the explaining header. */
  static String render(Collection<BaselineEntry> entries) {
    StringBuilder text = new StringBuilder();
    HEADER.forEach(line -> text.append(line).append('\n'));
    List<BaselineEntry> sorted = new ArrayList<>(entries);
    sorted.sort(BaselineEntry.ORDER);
    sorted.forEach(entry -> text.append(entry.toLine()).append('\n'));
    return text.toString();
  }

  /**
   * Why an I/O operation on {@code path} failed, in words, naming another file only if it is one.
   */
  static String reason(IOException e, Path path) {
    if (e instanceof FileSystemException failure) {
      String file = failure.getFile();
      boolean same = file == null || Path.of(file).equals(path);
      if (failure instanceof NoSuchFileException) {
        return same ? "no such file or folder" : "no such file or folder " + file;
      }
      if (failure instanceof FileAlreadyExistsException) {
        return file + " exists and is not a folder";
      }
      if (failure instanceof AccessDeniedException) {
        return same ? "access denied" : "access denied to " + file;
      }
      String why =
          failure.getReason() != null ? failure.getReason() : failure.getClass().getSimpleName();
      return same ? why : file + ": " + why;
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static IllegalArgumentException problem(String message) {
    return new IllegalArgumentException(ReportFlags.PREFIX + ReportFlags.BASELINE + ": " + message);
  }
}
