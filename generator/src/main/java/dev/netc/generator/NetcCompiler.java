package dev.netc.generator;

import java.util.List;

/**
 * The one entry point of netc's compiler, shared by the Maven plugin and the command line: {@code
 * .nn} files in, Java sources out. Stateless and thread-safe; does no I/O.
 */
public final class NetcCompiler {
  private NetcCompiler() {}

  /**
   * Checks every file and generates one class per network of each file without errors. Cross-file
   * rules (two networks that would generate the same class) are checked over all inputs.
   */
  public static CompileResult compile(List<CompileInput> inputs) {
    throw new UnsupportedOperationException("generator not written yet (issue 3)");
  }
}
