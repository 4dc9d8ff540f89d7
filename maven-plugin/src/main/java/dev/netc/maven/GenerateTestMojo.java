package dev.netc.maven;

import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.sonatype.plexus.build.incremental.BuildContext;

/**
 * Compiles the {@code .nn} files of {@code src/test/netc} into Java network classes in {@code
 * target/generated-test-sources/netc}, which becomes a test compile source root: networks that only
 * the tests use. Otherwise the same as {@code generate}; also skipped by {@code -Dmaven.test.skip}.
 *
 * @since 0.1.0
 */
@Mojo(
    name = "generate-test",
    defaultPhase = LifecyclePhase.GENERATE_TEST_SOURCES,
    threadSafe = true)
public final class GenerateTestMojo extends AbstractNetcMojo {

  /**
   * The folder of the test {@code .nn} files. A missing folder is not an error.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.basedir}/src/test/netc")
  private File sourceDirectory;

  /**
   * Where the generated test classes go; added to the test compile source roots.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.directory}/generated-test-sources/netc")
  private File outputDirectory;

  /**
   * Maven's switch that skips compiling and running tests; this goal honours it too.
   *
   * @since 0.1.0
   */
  @Parameter(property = "maven.test.skip", defaultValue = "false")
  private boolean mavenTestSkip;

  /** Created by Maven with the build context of the IDE or the command line. */
  @Inject
  public GenerateTestMojo(BuildContext buildContext) {
    super(buildContext);
  }

  @Override
  protected File sourceDirectory() {
    return sourceDirectory;
  }

  @Override
  protected File outputDirectory() {
    return outputDirectory;
  }

  @Override
  protected void addSourceRoot(MavenProject project, String folder) {
    project.addTestCompileSourceRoot(folder);
  }

  @Override
  protected boolean skipRequested() {
    return super.skipRequested() || mavenTestSkip;
  }
}
