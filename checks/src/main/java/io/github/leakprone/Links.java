package io.github.leakprone;

/** Where each check's documentation page lives; every finding links to its check's page. */
public final class Links {
  /** The folder of the check pages; a check's page is {@code DOCS + CheckName + ".md"}. */
  public static final String DOCS =
      "https://github.com/leakprone/leakprone/blob/main/docs/bugpatterns/";

  private Links() {}
}
