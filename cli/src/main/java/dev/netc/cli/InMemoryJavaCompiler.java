package dev.netc.cli;

import dev.netc.generator.GeneratedClass;
import dev.netc.runtime.network.CompiledNetwork;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated sources with the JDK's compiler API into memory and loads them, so that {@code
 * netc train} needs no separate build. The classpath is the runtime's jar (or classes folder),
 * found from {@link CompiledNetwork}'s code source; the loader's parent is the one that loaded the
 * runtime, so the generated classes implement the very interface the CLI uses.
 */
final class InMemoryJavaCompiler {
  private InMemoryJavaCompiler() {}

  /**
   * Compiles {@code classes} and returns a class loader that defines them.
   *
   * @throws CommandFailure (system error) if this Java has no compiler (a JRE, not a JDK)
   * @throws IllegalStateException if javac rejects the generated code: a bug in netc
   */
  static ClassLoader compile(List<GeneratedClass> classes) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw CommandFailure.system(
          "this Java ("
              + System.getProperty("java.home")
              + ") has no compiler; netc needs a JDK"
              + " 17 or newer (set JAVA_HOME to a JDK, not a JRE)",
          null);
    }
    List<JavaFileObject> sources = new ArrayList<>();
    for (GeneratedClass generated : classes) {
      sources.add(new Source(generated.qualifiedName(), generated.javaSource()));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<String, ByteArrayOutputStream> output = new LinkedHashMap<>();
    StandardJavaFileManager standard =
        javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8);
    List<String> options =
        List.of("-classpath", runtimeClasspath(), "-proc:none", "-g", "--release", "17");
    StringWriter javacOut = new StringWriter();
    try (JavaFileManager files = new MemoryFileManager(standard, output)) {
      boolean ok = javac.getTask(javacOut, files, diagnostics, options, null, sources).call();
      if (!ok) {
        StringBuilder text = new StringBuilder("javac rejected the generated code:");
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          if (d.getKind() == Diagnostic.Kind.ERROR) {
            text.append(' ')
                .append(d.getSource() == null ? "" : d.getSource().getName())
                .append(':')
                .append(d.getLineNumber())
                .append(": ")
                .append(d.getMessage(null))
                .append(';');
          }
        }
        throw new IllegalStateException(text.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    output.forEach((name, stream) -> bytes.put(name, stream.toByteArray()));
    return new MemoryClassLoader(bytes, CompiledNetwork.class.getClassLoader());
  }

  /** Where the runtime's classes are: its jar or classes folder, plus this JVM's classpath. */
  static String runtimeClasspath() {
    List<String> entries = new ArrayList<>();
    try {
      URI location =
          CompiledNetwork.class.getProtectionDomain().getCodeSource().getLocation().toURI();
      entries.add(Path.of(location).toString());
    } catch (URISyntaxException | NullPointerException e) {
      // fall back to the JVM's classpath alone
    }
    String classpath = System.getProperty("java.class.path", "");
    if (!classpath.isEmpty()) {
      entries.add(classpath);
    }
    return String.join(File.pathSeparator, entries);
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String text;

    Source(String qualifiedName, String text) {
      super(
          URI.create("string:///" + qualifiedName.replace('.', '/') + Kind.SOURCE.extension),
          Kind.SOURCE);
      this.text = text;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return text;
    }
  }

  private static final class ClassOutput extends SimpleJavaFileObject {
    private final ByteArrayOutputStream bytes;

    ClassOutput(String className, ByteArrayOutputStream bytes) {
      super(URI.create("mem:///" + className.replace('.', '/') + Kind.CLASS.extension), Kind.CLASS);
      this.bytes = bytes;
    }

    @Override
    public OutputStream openOutputStream() {
      return bytes;
    }
  }

  private static final class MemoryFileManager
      extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Map<String, ByteArrayOutputStream> output;

    MemoryFileManager(StandardJavaFileManager standard, Map<String, ByteArrayOutputStream> output) {
      super(standard);
      this.output = output;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      output.put(className, bytes);
      return new ClassOutput(className, bytes);
    }
  }

  private static final class MemoryClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    MemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
      super("netc-generated", parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
