package dev.netc.maven;

import dev.netc.grammar.check.JavaNames;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.sonatype.plexus.build.incremental.BuildContext;

/**
 * What {@code generate} and {@code generate-test} share: the parameters with the same defaults, and
 * {@link #execute()}, which registers the output folder as a source root, then hands an immutable
 * {@link GenerationRequest} to {@link Generation}. Subclasses only give their folders and source
 * root kind.
 */
public abstract class AbstractNetcMojo extends AbstractMojo {

  private static final String DEFAULT_INCLUDE = "**/*.nn";

  private final BuildContext buildContext;

  /** The project being built. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** This execution (its goal and id name the folder of the incremental state). */
  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  private MojoExecution mojoExecution;

  /** This plugin (its version is part of the incremental state's fingerprint). */
  @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
  private PluginDescriptor plugin;

  /**
   * Ant-style patterns, relative to {@code sourceDirectory}, of the files to compile. {@code **}
   * matches any number of folders, including none, so the default {@code **}{@code /*.nn} also
   * takes files at the top of the source folder. Default: {@code **}{@code /*.nn}.
   *
   * @since 0.1.0
   */
  @Parameter private List<String> includes = new ArrayList<>();

  /**
   * Ant-style patterns, relative to {@code sourceDirectory}, of files to leave out; they win over
   * {@code includes}. Default: none.
   *
   * @since 0.1.0
   */
  @Parameter private List<String> excludes = new ArrayList<>();

  /**
   * The Java package of the networks of a file at the top of {@code sourceDirectory} that has no
   * {@code package} declaration. Precedence, most specific first: the file's own {@code package}
   * declaration; then the file's folder below {@code sourceDirectory} ({@code com/acme/iris.nn}
   * gives {@code com.acme}, as the ANTLR 4 plugin does); then this parameter; else the default
   * package.
   *
   * @since 0.1.0
   */
  @Parameter(property = "netc.packageName")
  private String packageName;

  /**
   * Skips the goal: nothing is generated and no source root is added.
   *
   * @since 0.1.0
   */
  @Parameter(property = "netc.skip", defaultValue = "false")
  private boolean skip;

  /**
   * The encoding of the {@code .nn} files. Default: {@code ${project.build.sourceEncoding}}, else
   * UTF-8. Bytes that are not valid in it are an error at their line and column.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.sourceEncoding}")
  private String encoding;

  /**
   * Fails the build when a {@code .nn} file has warnings, as if they were errors.
   *
   * @since 0.1.0
   */
  @Parameter(property = "netc.failOnWarning", defaultValue = "false")
  private boolean failOnWarning;

  /**
   * Also generates, per network, a JUnit 5 test into {@code testOutputDirectory} (added to the test
   * source roots) that checks the network's backward pass against central differences of its loss
   * and runs one training step: the project's own {@code mvn test} then proves its networks'
   * gradients. The project needs {@code netc-runtime} and {@code junit-jupiter} on its test
   * classpath.
   *
   * @since 0.1.0
   */
  @Parameter(property = "netc.generateTests", defaultValue = "false")
  private boolean generateTests;

  /**
   * Where the tests of {@code generateTests} go; added to the test compile source roots.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.directory}/generated-test-sources/netc")
  private File testOutputDirectory;

  /**
   * Where the incremental state is kept, per goal and execution ({@code
   * <statusDirectory>/<goal>/<execution-id>/state}).
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.directory}/maven-status/netc", readonly = true)
  private File statusDirectory;

  /** Takes the IDE's build context (Eclipse m2e), or on the command line the default one. */
  protected AbstractNetcMojo(BuildContext buildContext) {
    this.buildContext = buildContext;
  }

  /** The folder of the {@code .nn} files. */
  protected abstract File sourceDirectory();

  /** The folder of the generated network classes. */
  protected abstract File outputDirectory();

  /** Registers {@code folder} as a compile (or test-compile) source root. */
  protected abstract void addSourceRoot(MavenProject project, String folder);

  /** True if the user asked to skip this goal. */
  protected boolean skipRequested() {
    return skip;
  }

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipRequested()) {
      getLog().info("netc: skipping " + mojoExecution.getGoal() + " as requested");
      return;
    }
    // Register first, even if nothing is stale: javac must see the sources on every build.
    addSourceRoot(project, outputDirectory().getAbsolutePath());
    if (generateTests) {
      project.addTestCompileSourceRoot(testOutputDirectory.getAbsolutePath());
    }
    GenerationRequest request = request();
    try {
      new Generation(request, getLog(), buildContext).run();
    } catch (IOException e) {
      getLog().error("netc: " + e);
      throw new MojoExecutionException("netc: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      getLog().error("netc: internal error, please report it with the .nn files: " + e);
      throw new MojoExecutionException("netc: internal error: " + e, e);
    }
  }

  private GenerationRequest request() throws MojoFailureException {
    Optional<String> pkg =
        Optional.ofNullable(packageName).map(String::trim).filter(p -> !p.isEmpty());
    if (pkg.isPresent() && !JavaNames.isPackageName(pkg.get())) {
      throw new MojoFailureException(
          "netc: packageName '"
              + pkg.get()
              + "' is not a Java package name (dot-separated Java"
              + " identifiers, for example com.example.nets)");
    }
    Path state =
        statusDirectory
            .toPath()
            .resolve(mojoExecution.getGoal())
            .resolve(mojoExecution.getExecutionId())
            .resolve("state");
    return new GenerationRequest(
        project.getBasedir().toPath(),
        sourceDirectory().toPath().toAbsolutePath().normalize(),
        outputDirectory().toPath().toAbsolutePath().normalize(),
        testOutputDirectory.toPath().toAbsolutePath().normalize(),
        includes == null || includes.isEmpty() ? List.of(DEFAULT_INCLUDE) : includes,
        excludes == null ? List.of() : excludes,
        pkg,
        charset(),
        failOnWarning,
        generateTests,
        state,
        plugin.getVersion());
  }

  private Charset charset() throws MojoFailureException {
    if (encoding == null || encoding.isBlank()) {
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(encoding.trim());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new MojoFailureException(
          "netc: unknown encoding '"
              + encoding
              + "': set <encoding> to one the JDK knows, such"
              + " as UTF-8");
    }
  }
}
