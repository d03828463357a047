package io.github.leakprone.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import javax.lang.model.element.Name;

/**
 * A test of method names that a check asks of every call of a compilation, answered once per
 * distinct name. javac keeps names as UTF-8 bytes and decodes one afresh each time it is made a
 * String (JDK 17); asked tens of thousands of times in a build, the decoding showed in profiles.
 *
 * <p>One filter serves one check instance, which Error Prone creates per compilation: the cache
 * holds that compilation's names and goes with it.
 */
public final class NameFilter {

  private final Predicate<String> test;
  private final Map<Name, Boolean> answers = new HashMap<>();

  public NameFilter(Predicate<String> test) {
    this.test = test;
  }

  public boolean test(Name name) {
    Boolean answer = answers.get(name);
    if (answer == null) {
      answer = test.test(name.toString());
      answers.put(name, answer);
    }
    return answer;
  }
}
