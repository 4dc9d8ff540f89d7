package dev.netc.grammar.diag;

/**
 * Every kind of diagnostic netc reports, each with a stable code and its severity. Codes are never
 * reused or reassigned: a retired kind keeps its number, and new kinds take the next free one.
 */
public enum DiagnosticKind {
  /** The file is not valid text in its encoding (UTF-8 unless the build says otherwise). */
  UNREADABLE_TEXT(1, Severity.ERROR),
  /** The parser did not expect this token. */
  SYNTAX(2, Severity.ERROR),
  /** A character that is not part of the language ({@code #}, a control character, ...). */
  STRAY_CHARACTER(3, Severity.ERROR),
  /** A name with letters outside A-Z, a-z. */
  NON_ASCII_NAME(4, Severity.ERROR),
  /** A block comment without its closing {@code *}{@code /}. */
  UNTERMINATED_COMMENT(5, Severity.ERROR),
  /** A file that declares no network. */
  NO_NETWORK(6, Severity.ERROR),
  /** More errors than a file reports; the rest are counted in one line. */
  TOO_MANY_ERRORS(7, Severity.ERROR),
  /** A statement given twice where it may appear once. */
  DUPLICATE_STATEMENT(8, Severity.ERROR),
  /** A required statement ({@code input}, {@code dense}, {@code loss}) is missing. */
  MISSING_STATEMENT(9, Severity.ERROR),
  /** A size that is not a whole number. */
  SIZE_NOT_INTEGER(10, Severity.ERROR),
  /** A size that is zero or negative. */
  SIZE_NOT_POSITIVE(11, Severity.ERROR),
  /** A size larger than netc supports. */
  SIZE_TOO_LARGE(12, Severity.ERROR),
  /** A layer with more weights than a Java array holds. */
  TOO_MANY_WEIGHTS(13, Severity.ERROR),
  /** A seed that is not a non-negative whole number. */
  INVALID_SEED(14, Severity.ERROR),
  /** A number too large for a double (it would be infinite). */
  NUMBER_OUT_OF_RANGE(15, Severity.ERROR),
  /** {@code NaN} or {@code Infinity} where a number is expected. */
  NON_FINITE_NUMBER(16, Severity.ERROR),
  /** An activation name the language does not know. */
  UNKNOWN_ACTIVATION(17, Severity.ERROR),
  /** A loss name the language does not know. */
  UNKNOWN_LOSS(18, Severity.ERROR),
  /** An init name the language does not know. */
  UNKNOWN_INIT(19, Severity.ERROR),
  /** An optimizer name the language does not know. */
  UNKNOWN_OPTIMIZER(20, Severity.ERROR),
  /** A regularizer name the language does not know. */
  UNKNOWN_REGULARIZER(21, Severity.ERROR),
  /** A clip name the language does not know. */
  UNKNOWN_CLIP(22, Severity.ERROR),
  /** A precision other than {@code double} or {@code float}. */
  UNKNOWN_PRECISION(23, Severity.ERROR),
  /** A named argument that the call has no parameter for. */
  UNKNOWN_ARGUMENT(24, Severity.ERROR),
  /** More arguments than the call has parameters. */
  TOO_MANY_ARGUMENTS(25, Severity.ERROR),
  /** A parameter given twice (positionally and by name, or twice by name). */
  DUPLICATE_ARGUMENT(26, Severity.ERROR),
  /** A positional argument after a named one. */
  POSITIONAL_AFTER_NAMED(27, Severity.ERROR),
  /** A parameter without a default that was not given. */
  MISSING_ARGUMENT(28, Severity.ERROR),
  /** An argument outside the range its parameter allows. */
  ARGUMENT_OUT_OF_RANGE(29, Severity.ERROR),
  /** {@code uniform} with {@code low >= high}. */
  EMPTY_RANGE(30, Severity.ERROR),
  /** {@code softmax} on a layer other than the output layer. */
  SOFTMAX_NOT_OUTPUT(31, Severity.ERROR),
  /** {@code cross_entropy} without a softmax output layer. */
  LOSS_NEEDS_SOFTMAX(32, Severity.ERROR),
  /** {@code binary_cross_entropy} without a sigmoid output layer. */
  LOSS_NEEDS_SIGMOID(33, Severity.ERROR),
  /** Explicit weights whose shape is not units x inputs. */
  WEIGHTS_SHAPE(34, Severity.ERROR),
  /** Explicit weights whose rows differ in length. */
  RAGGED_ROWS(35, Severity.ERROR),
  /** An explicit bias whose length is not the layer's number of units. */
  BIAS_SIZE(36, Severity.ERROR),
  /** A network name that is not a legal Java class name. */
  INVALID_NETWORK_NAME(37, Severity.ERROR),
  /**
   * Two networks with the same name in one file, or that would generate the same class in one
   * build.
   */
  DUPLICATE_NETWORK(38, Severity.ERROR),
  /** Two layers with the same name in one network. */
  DUPLICATE_LAYER_NAME(39, Severity.ERROR),
  /** A package that is not a legal Java package name. */
  INVALID_PACKAGE(40, Severity.ERROR),
  /** A layer wider than netc's generated code is tuned for. */
  WIDE_LAYER(41, Severity.WARNING),
  /** {@code nesterov = 1} with {@code momentum = 0}: the nesterov flag then changes nothing. */
  NESTEROV_WITHOUT_MOMENTUM(42, Severity.WARNING),
  /** {@code softmax} over a single unit: its output is always 1. */
  SOFTMAX_SINGLE_UNIT(43, Severity.WARNING),
  /**
   * Two network names of one file that differ only in case: their class files clash on
   * case-insensitive file systems.
   */
  NETWORK_NAME_CASE_CLASH(44, Severity.WARNING),
  /** A statement (or layer body item) that starts with a word the language does not know. */
  UNKNOWN_STATEMENT(45, Severity.ERROR),

  // 60-79: activations declared in the language

  /** A declared activation whose name is a built-in activation or a function of expressions. */
  ACTIVATION_NAME_TAKEN(60, Severity.ERROR),
  /** Two activations of one file with the same name. */
  DUPLICATE_ACTIVATION(61, Severity.ERROR),
  /** A call in an expression of something that is neither a function nor a declared activation. */
  UNKNOWN_FUNCTION(62, Severity.ERROR),
  /** A name in an expression that is neither the input nor a parameter. */
  UNKNOWN_VARIABLE(63, Severity.ERROR),
  /** A parameter after the input without a default. */
  PARAMETER_WITHOUT_DEFAULT(64, Severity.ERROR),
  /** An activation that calls itself, directly or through others. */
  RECURSIVE_ACTIVATION(65, Severity.ERROR),
  /** An activation whose expression does not use its input: its derivative is 0. */
  CONSTANT_ACTIVATION(66, Severity.WARNING),
  /** A call in an expression with the wrong number or kind of arguments. */
  FUNCTION_ARGUMENTS(67, Severity.ERROR),
  /** An exponent that depends on the input. */
  EXPONENT_NOT_CONSTANT(68, Severity.ERROR),
  /** A comparison outside the condition of {@code if}, or an {@code if} without one. */
  MISPLACED_COMPARISON(69, Severity.ERROR),
  /** An activation without an input parameter, or whose input has a default. */
  INVALID_INPUT_PARAMETER(70, Severity.ERROR),
  /** A parameter name given twice in one declaration. */
  DUPLICATE_PARAMETER(71, Severity.ERROR),
  // 72 is retired (a layer using a declared activation, before netc generated code for them).
  /** An {@code activation} declaration inside a network. */
  ACTIVATION_IN_NETWORK(73, Severity.ERROR),
  /** An expression too large or too deeply nested for netc. */
  EXPRESSION_TOO_LARGE(74, Severity.ERROR),

  // Convolution and pooling layers: codes 80 to 89.

  /** An {@code input} shape that is neither one size nor height x width x channels. */
  INPUT_SHAPE(80, Severity.ERROR),
  /** A convolution or pooling window that is not KH x KW. */
  WINDOW_SHAPE(81, Severity.ERROR),
  /** A window larger than its input (valid padding). */
  WINDOW_TOO_LARGE(82, Severity.ERROR),
  /** A window and stride that leave the last rows or columns of the input out. */
  SHAPE_NOT_DIVISIBLE(83, Severity.ERROR),
  /** A convolution or pooling layer after a dense layer. */
  LAYER_AFTER_DENSE(84, Severity.ERROR),
  /** A padding other than {@code valid} or {@code same}. */
  UNKNOWN_PADDING(85, Severity.ERROR),

  // Dropout on dense layers: codes 90 to 94.

  /** A {@code dropout(r)} option on the output layer. */
  DROPOUT_ON_OUTPUT(90, Severity.ERROR),
  /** A dense layer's option written after its {@code as NAME}. */
  OPTION_AFTER_NAME(91, Severity.ERROR);

  private final int code;
  private final Severity severity;

  DiagnosticKind(int code, Severity severity) {
    this.code = code;
    this.severity = severity;
  }

  /**
   * The stable code: it identifies the kind for tools and tests (the table in the grammar's README,
   * {@code DiagnosticKindTest}). netc's printed diagnostics do not show it.
   */
  public int code() {
    return code;
  }

  /** Whether this kind is an error or a warning. */
  public Severity severity() {
    return severity;
  }
}
