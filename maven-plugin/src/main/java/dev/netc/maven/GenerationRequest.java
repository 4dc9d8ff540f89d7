package dev.netc.maven;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything one execution of a goal needs, read from the Mojo's parameters: the plugin's adapter
 * layer turns Maven's world into this immutable value and hands it to {@link Generation}.
 *
 * @param baseDirectory the project's folder (for shorter paths in the summary line)
 * @param sourceDirectory where the {@code .nn} files are
 * @param outputDirectory where the network classes go
 * @param testOutputDirectory where the generated gradient tests go ({@code generateTests})
 * @param includes Ant-style patterns relative to {@code sourceDirectory}
 * @param excludes Ant-style patterns; they win over includes
 * @param packageName the package for top-level files that declare none
 * @param encoding how the {@code .nn} files are encoded
 * @param failOnWarning whether a warning fails the build
 * @param generateTests whether to generate a JUnit 5 gradient test per network
 * @param stateFile where the incremental state is kept
 * @param pluginVersion this plugin's version, part of the state's fingerprint
 */
record GenerationRequest(
    Path baseDirectory,
    Path sourceDirectory,
    Path outputDirectory,
    Path testOutputDirectory,
    List<String> includes,
    List<String> excludes,
    Optional<String> packageName,
    Charset encoding,
    boolean failOnWarning,
    boolean generateTests,
    Path stateFile,
    String pluginVersion) {

  GenerationRequest {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
  }

  /**
   * The parameters that change what is generated from the same input (or, for {@code
   * failOnWarning}, whether it passes), as text: part of the fingerprint, so changing one of them
   * recompiles everything.
   */
  String configurationText() {
    return "sourceDirectory="
        + relative(sourceDirectory)
        + "\noutputDirectory="
        + relative(outputDirectory)
        + "\ntestOutputDirectory="
        + relative(testOutputDirectory)
        + "\npackageName="
        + packageName.orElse("")
        + "\nencoding="
        + encoding.name()
        + "\ngenerateTests="
        + generateTests
        + "\nfailOnWarning="
        + failOnWarning
        + "\n";
  }

  /** {@code folder} relative to the project, so that a moved project keeps its state. */
  private String relative(Path folder) {
    Path base = baseDirectory.toAbsolutePath().normalize();
    return base.relativize(folder.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
