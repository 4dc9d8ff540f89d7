package dev.netc.maven;

import java.io.File;
import javax.inject.Inject;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.sonatype.plexus.build.incremental.BuildContext;

/**
 * Compiles the {@code .nn} files of {@code src/main/netc} into Java network classes in {@code
 * target/generated-sources/netc}, which becomes a compile source root. Only files that changed
 * since the last run are regenerated; a file with errors fails the build with every diagnostic as
 * {@code file.nn:[line,column] message}.
 *
 * @since 0.1.0
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public final class GenerateMojo extends AbstractNetcMojo {

  /**
   * The folder of the {@code .nn} files. A missing folder is not an error: the goal says so and
   * does nothing.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.basedir}/src/main/netc")
  private File sourceDirectory;

  /**
   * Where the generated classes go; added to the compile source roots.
   *
   * @since 0.1.0
   */
  @Parameter(defaultValue = "${project.build.directory}/generated-sources/netc")
  private File outputDirectory;

  /** Created by Maven with the build context of the IDE or the command line. */
  @Inject
  public GenerateMojo(BuildContext buildContext) {
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
    project.addCompileSourceRoot(folder);
  }
}
