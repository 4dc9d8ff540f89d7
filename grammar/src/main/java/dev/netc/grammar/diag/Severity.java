package dev.netc.grammar.diag;

/** How bad a diagnostic is. A file with an error produces no Java source. */
public enum Severity {
  ERROR("error"),
  WARNING("warning");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  /** {@code error} or {@code warning}, as printed. */
  public String label() {
    return label;
  }
}
