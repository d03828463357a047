import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes WcsDataBuilder's entry from the demo's baseline, as a developer would by hand. Run as a
 * single-file program (java DropBaselineEntry.java) in the demo's folder, between two gate builds.
 */
public class DropBaselineEntry {
  public static void main(String[] args) throws Exception {
    Path baseline = Path.of("leakprone-baseline.txt");
    List<String> lines = new ArrayList<>(Files.readAllLines(baseline));
    if (!lines.removeIf(line -> line.contains("incident001/WcsDataBuilder.java"))) {
      throw new IllegalStateException("no WcsDataBuilder entry in " + baseline.toAbsolutePath());
    }
    Files.write(baseline, lines);
  }
}
