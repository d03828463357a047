package io.github.leakprone.trees;

/**
 * Method names read as words: {@code setConnection} is {@code set} and more, {@code settle} not.
 */
public final class MethodNames {

  /** Whether {@code name} is {@code word} followed by more words: a capital after it. */
  public static boolean startsWithWord(String name, String word) {
    return name.length() > word.length()
        && name.startsWith(word)
        && Character.isUpperCase(name.charAt(word.length()));
  }

  private MethodNames() {}
}
