package io.github.leakprone.catalog;

import com.sun.tools.javac.util.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import javax.lang.model.element.Name;

/**
 * A test of method names that a check asks of every call of a compilation, answered once per
 * distinct name. javac keeps names as UTF-8 bytes and decodes one afresh each time it is made a
 * String (JDK 17); asked tens of thousands of times in a build, the decoding showed in profiles.
 *
 * <p>The filters of one compilation keep their answers in one table, each name's answers side by
 * side: three checks ask about the same call one after another, and the second and third look-up
 * find the entry the first just touched. With a table per filter, the look-ups themselves were a
 * fifth of the checks' time (docs/performance.md, seventh round).
 */
public final class NameFilter {

  /** Each filter holds two bits of a name's entry: asked, and passed. */
  private static final int MAX_SHARED = Long.SIZE / 2;

  /** The answers of every filter of one compilation, by name. */
  private static final class Answers {
    static final Context.Key<Answers> KEY = new Context.Key<>();

    final Map<Name, Long> byName = new HashMap<>();
    int filters;

    /**
     * The name asked about last and its entry: Error Prone runs every check's matcher on a call
     * before it moves to the next, so the filters of the other checks find the name here, without a
     * look-up (the table's look-ups were 7% of the samples in LeakProne in a profile,
     * docs/performance.md, fourteenth round).
     */
    Name lastName;

    long lastBits;

    static Answers of(Context context) {
      Answers answers = context.get(KEY);
      if (answers == null) {
        answers = new Answers();
        context.put(KEY, answers);
      }
      return answers;
    }
  }

  private final Predicate<String> test;

  /** The compilation last asked about, its table, and this filter's place in it. */
  private Context context;

  private Answers answers;
  private int slot;

  public NameFilter(Predicate<String> test) {
    this.test = test;
  }

  /** Whether {@code name}, a name of {@code context}'s compilation, passes the test. */
  public boolean test(Name name, Context context) {
    if (context != this.context) {
      this.context = context;
      answers = Answers.of(context);
      slot = answers.filters++;
    }
    if (slot >= MAX_SHARED) {
      return test.test(name.toString()); // more filters than a table holds: asked each time
    }
    long asked = 1L << (2 * slot);
    long passed = asked << 1;
    long bits;
    if (name == answers.lastName) {
      bits = answers.lastBits;
    } else {
      Long known = answers.byName.get(name);
      bits = known == null ? 0 : known;
    }
    if ((bits & asked) == 0) {
      bits |= asked | (test.test(name.toString()) ? passed : 0);
      answers.byName.put(name, bits);
    }
    answers.lastName = name;
    answers.lastBits = bits;
    return (bits & passed) != 0;
  }
}
