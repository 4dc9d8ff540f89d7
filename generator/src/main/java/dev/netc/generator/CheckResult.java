package dev.netc.generator;

import dev.netc.grammar.diag.Diagnostic;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.source.SourceFile;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of checking some files without generating: the networks of every file without errors,
 * in input order, and all diagnostics of all files, sorted by file, line and column.
 */
public record CheckResult(List<CheckResult.Checked> networks, List<Diagnostic> diagnostics) {

  /**
   * One network that passed every rule, with its file and the package its class goes to.
   *
   * @param source the file it was read from, for diagnostics about it
   * @param network the checked network
   * @param defaultPackage the package for it if its file declares none ("" for the default package)
   */
  public record Checked(SourceFile source, Network network, String defaultPackage) {
    public Checked {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(network, "network");
      Objects.requireNonNull(defaultPackage, "defaultPackage");
    }

    /** The qualified name of the class the network generates. */
    public String qualifiedName() {
      return network.qualifiedName(defaultPackage);
    }
  }

  public CheckResult {
    networks = List.copyOf(networks);
    diagnostics = List.copyOf(diagnostics);
  }

  /** True if any file had an error. */
  public boolean hasErrors() {
    return diagnostics.stream().anyMatch(Diagnostic::isError);
  }
}
