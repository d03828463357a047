package io.github.leakprone.bench;

import io.github.leakprone.bench.GeneratedJdbcMethods.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * Draws the scaling benchmark's figures as a small SVG, by hand (no plotting library): the
 * analysis's work (exact) and its CPU time (median) against the method's size, one line per shape
 * and depth. A straight line through the origin is linear growth.
 */
final class ScalingChart {

  /** One measured method: its shape, depth, size and cost. */
  record Point(Shape shape, int depth, int lines, long workUnits, double checkMillis) {}

  private static final int PANEL_WIDTH = 340;
  private static final int PANEL_HEIGHT = 220;
  private static final int LEFT = 64;
  private static final int TOP = 58;
  private static final int GAP = 90;
  private static final String[] DEPTH_COLOURS = {"#1b9e77", "#d95f02", "#7570b3"};

  static void write(Path file, List<Point> points, String caption) throws IOException {
    List<Integer> depths =
        points.stream().map(Point::depth).distinct().sorted().collect(Collectors.toList());
    int width = Math.max(LEFT + 2 * PANEL_WIDTH + GAP + 20, LEFT + 250 * depths.size());
    int height = TOP + PANEL_HEIGHT + 110;
    StringBuilder svg = new StringBuilder();
    svg.append(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0"
                    + " %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                width,
                height,
                width,
                height))
        .append(
            String.format(
                Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height))
        .append(
            text(
                LEFT,
                20,
                "Obligation analysis: cost against method size (" + escape(caption) + ")",
                "start",
                14));
    panel(svg, LEFT, "work units (exact count)", points, depths, p -> p.workUnits());
    panel(
        svg,
        LEFT + PANEL_WIDTH + GAP,
        "check CPU ms (median of 7)",
        points,
        depths,
        Point::checkMillis);
    legend(svg, depths, TOP + PANEL_HEIGHT + 58);
    svg.append("</svg>\n");
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, svg, StandardCharsets.UTF_8);
  }

  private static void panel(
      StringBuilder svg,
      int left,
      String title,
      List<Point> points,
      List<Integer> depths,
      ToDoubleFunction<Point> figure) {
    double maxX = niceCeiling(points.stream().mapToDouble(Point::lines).max().orElse(1));
    double maxY = niceCeiling(points.stream().mapToDouble(figure).max().orElse(1));
    int bottom = TOP + PANEL_HEIGHT;
    svg.append(text(left + PANEL_WIDTH / 2, TOP - 10, title, "middle", 12));
    for (int i = 0; i <= 4; i++) {
      double x = left + PANEL_WIDTH * i / 4.0;
      double y = bottom - PANEL_HEIGHT * i / 4.0;
      svg.append(line(x, bottom, x, TOP, "#e0e0e0", ""))
          .append(line(left, y, left + PANEL_WIDTH, y, "#e0e0e0", ""))
          .append(text(x, bottom + 16, number(maxX * i / 4), "middle", 11))
          .append(text(left - 6, y + 4, number(maxY * i / 4), "end", 11));
    }
    svg.append(line(left, bottom, left + PANEL_WIDTH, bottom, "#333", ""))
        .append(line(left, bottom, left, TOP, "#333", ""))
        .append(text(left + PANEL_WIDTH / 2, bottom + 34, "method lines", "middle", 12));
    for (Shape shape : Shape.values()) {
      for (int d = 0; d < depths.size(); d++) {
        int depth = depths.get(d);
        String coordinates =
            points.stream()
                .filter(p -> p.shape() == shape && p.depth() == depth)
                .map(
                    p ->
                        String.format(
                            Locale.ROOT,
                            "%.1f,%.1f",
                            left + PANEL_WIDTH * p.lines() / maxX,
                            bottom - PANEL_HEIGHT * figure.applyAsDouble(p) / maxY))
                .collect(Collectors.joining(" "));
        svg.append(
            String.format(
                Locale.ROOT,
                "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                coordinates,
                DEPTH_COLOURS[d % DEPTH_COLOURS.length],
                dash(shape)));
      }
    }
  }

  private static void legend(StringBuilder svg, List<Integer> depths, int y) {
    int x = LEFT;
    for (Shape shape : Shape.values()) {
      for (int d = 0; d < depths.size(); d++) {
        svg.append(
                line(x, y, x + 28, y, DEPTH_COLOURS[d % DEPTH_COLOURS.length], dash(shape))
                    .replace("stroke-width=\"1\"", "stroke-width=\"2\""))
            .append(
                text(
                    x + 34,
                    y + 4,
                    shape.name().toLowerCase(Locale.ROOT) + ", depth " + depths.get(d),
                    "start",
                    11));
        x += 250;
      }
      x = LEFT;
      y += 20;
    }
  }

  private static String dash(Shape shape) {
    return shape == Shape.ONE_VARIABLE ? "" : " stroke-dasharray=\"6 4\"";
  }

  private static String line(
      double x1, double y1, double x2, double y2, String colour, String extra) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"%s/>%n",
        x1,
        y1,
        x2,
        y2,
        colour,
        extra);
  }

  private static String text(double x, double y, String content, String anchor, int size) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
        x,
        y,
        anchor,
        size,
        content);
  }

  /**
   * The smallest round number at least {@code value} whose quarters are round too: 1, 1.2, 1.6, 2,
   * 2.4, 3, 4, 6 or 8 times a power of ten.
   */
  private static double niceCeiling(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-9))));
    for (double step : new double[] {1, 1.2, 1.6, 2, 2.4, 3, 4, 6, 8, 10}) {
      if (step * power >= value) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String number(double value) {
    return value == Math.rint(value)
        ? String.format(Locale.ROOT, "%,d", (long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private ScalingChart() {}
}
