package io.github.leakprone.report;

import com.sun.tools.javac.util.Context;
import com.sun.tools.javac.util.Options;
import java.io.File;
import java.nio.file.Path;
import javax.annotation.Nullable;
import javax.tools.JavaFileManager;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;

/**
 * The compilation's class folder ({@code javac -d}), which names its report and its run: the main
 * and the test compilation of one module each get their own.
 *
 * @param name the folder's name, for {@value ReportFlags#OUTPUT_PLACEHOLDER} in the report's path
 * @param automationId the run's stable identity in the SARIF report, {@code leakprone/<folder>/}
 */
record ClassFolder(String name, String automationId) {

  static ClassFolder of(Context context, Path baseDir) {
    Path folder = classFolder(context);
    if (folder == null) {
      return new ClassFolder("classes", "leakprone/classes/");
    }
    Path absolute = folder.toAbsolutePath().normalize();
    String id =
        absolute.startsWith(baseDir)
            ? baseDir.relativize(absolute).toString().replace('\\', '/')
            : absolute.getFileName().toString();
    return new ClassFolder(absolute.getFileName().toString(), "leakprone/" + id + "/");
  }

  @Nullable
  private static Path classFolder(Context context) {
    String d = Options.instance(context).get("-d");
    if (d != null) {
      return Path.of(d);
    }
    if (context.get(JavaFileManager.class) instanceof StandardJavaFileManager manager) {
      Iterable<? extends File> location = manager.getLocation(StandardLocation.CLASS_OUTPUT);
      if (location != null && location.iterator().hasNext()) {
        return location.iterator().next().toPath();
      }
    }
    return null;
  }
}
