package dev.netc.grammar.model;

/** {@code precision double;} (the default) or {@code precision float;}. */
public enum Precision {
  DOUBLE("double"),
  FLOAT("float");

  private final String dslName;

  Precision(String dslName) {
    this.dslName = dslName;
  }

  /** The spelling in the language, which is also the Java primitive type. */
  public String dslName() {
    return dslName;
  }
}
