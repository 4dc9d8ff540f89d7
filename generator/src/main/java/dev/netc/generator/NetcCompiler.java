package dev.netc.generator;

import com.palantir.javapoet.JavaFile;
import dev.netc.generator.emit.ClassEmitter;
import dev.netc.generator.plan.NetworkPlan;
import dev.netc.generator.plan.Planner;
import dev.netc.grammar.FrontEndResult;
import dev.netc.grammar.NetcFrontEnd;
import dev.netc.grammar.diag.Diagnostic;
import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.model.FeatureLayer;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.model.NetworkFile;
import dev.netc.grammar.source.SourceFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one entry point of netc's compiler, shared by the Maven plugin and the command line: {@code
 * .nn} files in, Java sources out. Stateless and thread-safe; does no I/O.
 */
public final class NetcCompiler {
  private NetcCompiler() {}

  /**
   * Class names the generated code refers to by their simple java.lang name: a network of that name
   * would hide them ({@code Math.exp} would mean the network's class).
   */
  static final Set<String> RESERVED_NAMES =
      Set.of("Math", "System", "Double", "Float", "IllegalArgumentException");

  /**
   * Checks every file and generates one class per network of each file without errors. Cross-file
   * rules (two networks that would generate the same class) are checked over all inputs; a network
   * whose class another input already generates is an error and produces no class.
   */
  public static CompileResult compile(List<CompileInput> inputs) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<GeneratedClass> classes = new ArrayList<>();
    Map<String, Located> seen = new LinkedHashMap<>();
    for (CompileInput input : inputs) {
      FrontEndResult result = NetcFrontEnd.check(input.source());
      diagnostics.addAll(result.diagnostics());
      if (result.hasErrors() || result.model().isEmpty()) {
        continue;
      }
      NetworkFile file = result.model().get();
      String fallback = input.defaultPackage().orElse("");
      List<GeneratedClass> fileClasses = new ArrayList<>();
      boolean clash = false;
      for (Network network : file.networks()) {
        if (RESERVED_NAMES.contains(network.name())) {
          diagnostics.add(Diagnostic.of(DiagnosticKind.INVALID_NETWORK_NAME, input.source(),
              network.span(), "network name '" + network.name() + "' would hide java.lang."
                  + network.name() + ", which the generated class uses; choose another name"));
          clash = true;
          continue;
        }
        if (!network.features().isEmpty()) {
          diagnostics.add(notGenerated(input.source(), network));
          clash = true;
          continue;
        }
        String qualified = network.qualifiedName(fallback);
        Located first = seen.get(qualified);
        if (first != null) {
          diagnostics.add(duplicate(input.source(), network, qualified, first));
          clash = true;
          continue;
        }
        seen.put(qualified, new Located(input.source(), network));
        fileClasses.add(generate(network, fallback));
      }
      if (!clash) {
        classes.addAll(fileClasses);
      }
    }
    diagnostics.sort(Diagnostic.BY_POSITION);
    return new CompileResult(classes, diagnostics);
  }

  /**
   * Generates the class of one checked network, in its file's package or else {@code
   * fallbackPackage} ("" or null for none). Deterministic: the same network gives the same text.
   */
  public static GeneratedClass generate(Network network, String fallbackPackage) {
    if (RESERVED_NAMES.contains(network.name())) {
      throw new IllegalArgumentException("network name " + network.name()
          + " would hide java.lang." + network.name() + " in the generated class");
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
    String path = (plan.packageName().isEmpty() ? "" : plan.packageName().replace('.', '/') + "/")
        + plan.className() + ".java";
    return new GeneratedClass(network, plan.qualifiedName(), path, source);
  }

  private record Located(SourceFile source, Network network) {}

  /**
   * A network with convolution or pooling layers: the front end checks them (shapes, parameters)
   * but this generator cannot write their forward and backward passes yet.
   */
  private static Diagnostic notGenerated(SourceFile source, Network network) {
    FeatureLayer first = network.features().get(0);
    String message = "layer '" + first.name() + "' (" + first.describe() + ") is checked but"
        + " not yet supported by the generator: this version of netc cannot generate code for"
        + " convolution and pooling layers; remove them to compile network '" + network.name()
        + "' (its shapes: " + network.topology() + ")";
    return Diagnostic.of(DiagnosticKind.LAYER_NOT_GENERATED, source, first.span(), message);
  }

  private static Diagnostic duplicate(
      SourceFile source, Network network, String qualified, Located first) {
    String where = first.source().name() + ":" + first.network().span().line() + ":"
        + first.network().span().column();
    String message = "network '" + network.name() + "' generates class " + qualified
        + ", which the network at " + where + " also generates; rename one of them or give"
        + " their files different packages";
    return Diagnostic.of(DiagnosticKind.DUPLICATE_NETWORK, source, network.span(), message);
  }
}
