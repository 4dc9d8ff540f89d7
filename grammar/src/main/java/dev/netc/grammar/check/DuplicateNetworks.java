package dev.netc.grammar.check;

import dev.netc.grammar.diag.Diagnostic;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.NetworkFile;
import dev.netc.grammar.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The rule that no two networks generate the same class, in one file and across the files of one
 * build, and the one place that words its {@link DiagnosticKind#DUPLICATE_NETWORK} message.
 *
 * <p>Within a file {@link FileChecker} reports a name declared twice. Across files, give each
 * checked file in build order to one instance ({@link #add}): a network whose qualified class name
 * an earlier file already generates is an error at the later declaration. The Maven plugin, which
 * knows only the file of an unchanged input, words its own finding with {@link #message}.
 */
public final class DuplicateNetworks {

  /**
   * Where the network that first claimed a class is declared.
   *
   * @param file its file as named to the compiler, or null for the file being checked
   * @param line its 1-based line, or 0 if only the file is known
   * @param column its 1-based column, or 0 if only the file is known
   */
  public record Earlier(String file, int line, int column) {

    /** A declaration at {@code line} of the same file. */
    public static Earlier inThisFile(int line) {
      return new Earlier(null, line, 0);
    }

    /** A declaration at {@code line:column} of another file. */
    public static Earlier at(String file, int line, int column) {
      return new Earlier(Objects.requireNonNull(file, "file"), line, column);
    }

    /** A declaration somewhere in another file. */
    public static Earlier in(String file) {
      return new Earlier(Objects.requireNonNull(file, "file"), 0, 0);
    }
  }

  private record Claim(SourceFile source, Network network) {}

  private final Map<String, Claim> classes = new LinkedHashMap<>();

  /** A rule for one build; feed it the files in build order. */
  public DuplicateNetworks() {}

  /**
   * The message of a {@link DiagnosticKind#DUPLICATE_NETWORK} error at the later declaration.
   *
   * @param name the later network's name
   * @param qualifiedName the class both would generate (unused within one file, where the simple
   *     name already clashes)
   * @param earlier where the first one is
   */
  public static String message(String name, String qualifiedName, Earlier earlier) {
    if (earlier.file() == null) {
      return "network '"
          + name
          + "' is already declared at line "
          + earlier.line()
          + ": each network becomes a class, so rename one of them";
    }
    String other =
        earlier.line() > 0
            ? "the network at " + earlier.file() + ":" + earlier.line() + ":" + earlier.column()
            : earlier.file();
    return "network '"
        + name
        + "' generates class "
        + qualifiedName
        + ", which "
        + other
        + " also generates; rename one of them or give their files different packages";
  }

  /**
   * Checks the networks of one more file (without errors) against those of the files given before,
   * and remembers the classes it generates.
   *
   * @param source the file
   * @param file its checked model
   * @param defaultPackage the package of its networks if it declares none ("" for none)
   * @return a {@link DiagnosticKind#DUPLICATE_NETWORK} error for each network whose class an
   *     earlier file generates; empty if none does
   */
  public List<Diagnostic> add(SourceFile source, NetworkFile file, String defaultPackage) {
    List<Diagnostic> errors = new ArrayList<>();
    for (Network network : file.networks()) {
      String qualified = network.qualifiedName(defaultPackage);
      Claim first = classes.putIfAbsent(qualified, new Claim(source, network));
      if (first != null) {
        Earlier earlier =
            Earlier.at(
                first.source().name(),
                first.network().span().line(),
                first.network().span().column());
        errors.add(
            Diagnostic.of(
                DiagnosticKind.DUPLICATE_NETWORK,
                source,
                network.span(),
                message(network.name(), qualified, earlier)));
      }
    }
    return errors;
  }
}
