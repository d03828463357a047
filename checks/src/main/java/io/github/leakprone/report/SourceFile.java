package io.github.leakprone.report;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.annotation.Nullable;
import javax.tools.JavaFileObject;

/**
 * A compiled source file as the report and the baseline name it: by its path relative to the base
 * folder, with forward slashes, when it lies inside it (then its SARIF URI is relative too, against
 * the base {@value #BASE_ID}); otherwise by its absolute path and URI.
 *
 * @param path the baseline's name for the file
 * @param uri the SARIF artifactLocation URI
 * @param relative whether {@code uri} is relative to {@value #BASE_ID}
 */
record SourceFile(String path, String uri, boolean relative) {

  static final String BASE_ID = "%SRCROOT%";

  static SourceFile of(JavaFileObject file, Path baseDir) {
    URI uri = file.toUri();
    if (!"file".equals(uri.getScheme())) {
      // In-memory sources (compile-testing, IDEs): the URI's path is the best name there is.
      String path = uri.getPath() != null ? uri.getPath() : uri.getSchemeSpecificPart();
      path = path.startsWith("/") ? path.substring(1) : path;
      return new SourceFile(path, uri.toString(), false);
    }
    return of(Paths.get(uri), baseDir);
  }

  static SourceFile of(Path file, Path baseDir) {
    Path absolute = file.toAbsolutePath().normalize();
    Path inside = relativeTo(absolute, baseDir);
    if (inside == null) {
      return new SourceFile(slashes(absolute.toString()), absolute.toUri().toString(), false);
    }
    String relativePath = slashes(inside.toString());
    return new SourceFile(relativePath, encode(relativePath), true);
  }

  @Nullable
  private static Path relativeTo(Path file, Path baseDir) {
    if (file.startsWith(baseDir)) {
      return baseDir.relativize(file);
    }
    // One of them may be reached through a symbolic link.
    try {
      Path realFile = file.toRealPath();
      Path realBase = Files.exists(baseDir) ? baseDir.toRealPath() : baseDir;
      return realFile.startsWith(realBase) ? realBase.relativize(realFile) : null;
    } catch (java.io.IOException e) {
      return null;
    }
  }

  private static String slashes(String path) {
    return path.replace('\\', '/');
  }

  /** A relative URI reference for {@code path}: each segment percent-encoded as RFC 3986 wants. */
  private static String encode(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "-._~/".indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", (int) c));
      }
    }
    return out.toString();
  }
}
