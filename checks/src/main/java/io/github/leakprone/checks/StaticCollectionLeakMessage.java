package io.github.leakprone.checks;

import com.sun.source.tree.MethodTree;
import io.github.leakprone.analysis.growth.UnremovedGrowth;
import io.github.leakprone.analysis.growth.UnremovedGrowth.Opening;
import io.github.leakprone.catalog.MethodPattern;
import io.github.leakprone.catalog.MethodPattern.Annotated;
import io.github.leakprone.catalog.MethodPattern.Named;
import java.util.List;

/**
 * The message of a {@link StaticCollectionLeak} finding: what grows, where, which path fails to
 * take it out again, and what to do.
 */
final class StaticCollectionLeakMessage {

  private static final String HELD =
      "every entry added there outlives its connection or registration, held by the static field"
          + " until the JVM exits";

  static String of(UnremovedGrowth leak) {
    String field = leak.field().getSimpleName().toString();
    if (leak.opening().isEmpty()) {
      return String.format(
          "%s grows in %s %s and nothing in this file ever removes from it: it keeps every entry"
              + " until the JVM exits; remove entries when they are done with, or bound it (a"
              + " size- or time-limited cache)",
          field,
          leak.grewIn(),
          leak.onlyNewValues()
              ? "with every value it does not hold yet"
              : leak.grewIn().startsWith("the constructor")
                      || leak.grewIn().startsWith("an instance")
                  ? "for every new instance"
                  : "on every call");
    }
    Opening opening = leak.opening().get();
    String open =
        methodLabel(
            opening.openMethod().getName().toString(),
            opening.pair().open(),
            opening.annotationIndex());
    String where =
        leak.grewIn().equals(opening.openMethod().getName().toString())
            ? open
            : leak.grewIn() + "(), called from " + open + ",";
    if (leak.kind() == UnremovedGrowth.Kind.NO_PARTNER) {
      String close = closeLabel(opening);
      return String.format(
          "%s grows in %s but the class has no %s method, so nothing removes the entry when it"
              + " ends%s: %s; add %s that removes it",
          field,
          where,
          close,
          elsewhere(leak.shrinksIn(), "there is no close handler"),
          HELD,
          article(close) + " method");
    }
    List<String> partners =
        opening.partners().stream()
            .map(
                p ->
                    methodLabel(
                        ((MethodTree) p.getLeaf()).getName().toString(),
                        closeSide(opening),
                        opening.annotationIndex()))
            .toList();
    String partner = partners.get(0);
    return String.format(
        "%s grows in %s but %s never removes from it%s: %s; remove it in %s",
        field,
        where,
        partners.size() == 1 ? partner : "none of " + String.join(", ", partners),
        elsewhere(leak.shrinksIn(), "not in the close handler"),
        HELD,
        partners.size() == 1 ? partner.replaceFirst(" \\(.*\\)$", "") : "the close handler");
  }

  /** {@code (it removes only in sendMassMessage(), not in the close handler)}, or nothing. */
  private static String elsewhere(List<String> shrinksIn, String butNot) {
    if (shrinksIn.isEmpty()) {
      return "";
    }
    String where =
        shrinksIn.size() <= 2
            ? String.join(" and ", shrinksIn)
            : String.join(", ", shrinksIn.subList(0, 2))
                + " and "
                + (shrinksIn.size() - 2)
                + " more";
    return " (it removes only in " + where + ", " + butNot + ")";
  }

  /** {@code onOpen (@OnOpen)}, or just {@code channelActive} where the name says it all. */
  private static String methodLabel(String name, MethodPattern side, int annotationIndex) {
    if (side instanceof Annotated annotated) {
      return name + " (" + annotationLabel(annotated, annotationIndex) + ")";
    }
    return name;
  }

  private static MethodPattern closeSide(Opening opening) {
    return opening.pair().close().get(0);
  }

  /** {@code @OnClose}, or {@code channelInactive}, or {@code removeSessionListener}. */
  private static String closeLabel(Opening opening) {
    MethodPattern side = closeSide(opening);
    return side instanceof Annotated annotated
        ? annotationLabel(annotated, opening.annotationIndex())
        : ((Named) side).nameFor(opening.capture());
  }

  private static String annotationLabel(Annotated annotated, int index) {
    String type = annotated.annotations().get(Math.min(index, annotated.annotations().size() - 1));
    return "@" + type.substring(type.lastIndexOf('.') + 1);
  }

  private static String article(String label) {
    return (label.startsWith("@") ? "an " : "a ") + label;
  }

  private StaticCollectionLeakMessage() {}
}
