package dev.netc.generator;

import com.palantir.javapoet.JavaFile;
import dev.netc.generator.emit.ClassEmitter;
import dev.netc.generator.plan.NetworkPlan;
import dev.netc.generator.plan.Planner;
import dev.netc.grammar.FrontEndResult;
import dev.netc.grammar.NetcFrontEnd;
import dev.netc.grammar.check.DuplicateNetworks;
import dev.netc.grammar.check.JavaNames;
import dev.netc.grammar.diag.Diagnostic;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.NetworkFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The one entry point of netc's compiler, shared by the Maven plugin and the command line: {@code
 * .nn} files in, Java sources out. Stateless and thread-safe; does no I/O.
 */
public final class NetcCompiler {
  private NetcCompiler() {}

  /**
   * Checks every file with the front end, then the rules across files (two networks that would
   * generate the same class), without generating. A network whose class another input already
   * generates is an error, and its file's networks are left out of the result.
   */
  public static CheckResult check(List<CompileInput> inputs) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<CheckResult.Checked> networks = new ArrayList<>();
    DuplicateNetworks duplicates = new DuplicateNetworks();
    for (CompileInput input : inputs) {
      FrontEndResult result = NetcFrontEnd.check(input.source());
      diagnostics.addAll(result.diagnostics());
      if (result.hasErrors() || result.model().isEmpty()) {
        continue;
      }
      NetworkFile file = result.model().get();
      String fallback = input.defaultPackage().orElse("");
      List<Diagnostic> clashes = duplicates.add(input.source(), file, fallback);
      diagnostics.addAll(clashes);
      if (clashes.isEmpty()) {
        for (Network network : file.networks()) {
          networks.add(new CheckResult.Checked(input.source(), network, fallback));
        }
      }
    }
    diagnostics.sort(Diagnostic.BY_POSITION);
    return new CheckResult(networks, diagnostics);
  }

  /**
   * Checks every file ({@link #check}) and generates one class per network of each file without
   * errors.
   */
  public static CompileResult compile(List<CompileInput> inputs) {
    CheckResult checked = check(inputs);
    List<GeneratedClass> classes = new ArrayList<>();
    for (CheckResult.Checked network : checked.networks()) {
      classes.add(generate(network.network(), network.defaultPackage()));
    }
    return new CompileResult(classes, checked.diagnostics());
  }

  /**
   * Generates the class of one checked network, in its file's package or else {@code
   * fallbackPackage} ("" or null for none). Deterministic: the same network gives the same text.
   */
  public static GeneratedClass generate(Network network, String fallbackPackage) {
    if (JavaNames.hidesGeneratedCodeName(network.name())) {
      throw new IllegalArgumentException(
          "network name "
              + network.name()
              + " would hide java.lang."
              + network.name()
              + " in the generated class");
    }
    NetworkPlan plan = Planner.plan(network, fallbackPackage);
    JavaFile file = ClassEmitter.emit(plan);
    String source = file.toString();
    for (int k = 0; k < source.length(); k++) {
      char c = source.charAt(k);
      if (c > 0x7e || (c < 0x20 && c != '\n')) {
        throw new IllegalStateException(
            "netc bug: generated source of " + plan.qualifiedName() + " is not ASCII at " + k);
      }
    }
    String path =
        (plan.packageName().isEmpty() ? "" : plan.packageName().replace('.', '/') + "/")
            + plan.className()
            + ".java";
    return new GeneratedClass(network, plan.qualifiedName(), path, source);
  }
}
